package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.pgshift.connect.ConnInfo;
import io.pgshift.settings.SettingsComparison;
import io.pgshift.settings.SettingsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "settings", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Compare the server parameters of a source and a target, reading both and writing nothing: the parameters",
            "the source's configuration changes from their defaults (set in the configuration file or ALTER SYSTEM,",
            "on the command line, in the environment, or with ALTER ROLE ALL SET) with their values on the target;",
            "parameters the target's version renamed or removed, with their replacements; defaults that changed",
            "between the versions; and the target's new parameters."})
final class CompareSettingsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "CONN", description = "Any database of the source server.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "CONN", description = "Any database of the target server.")
    String target;

    @Option(names = "--json", description = "Print the comparison as JSON.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ConnInfo sourceInfo = ConnectionArgument.parse(source, err);
        ConnInfo targetInfo = ConnectionArgument.parse(target, err);
        SettingsReport report = SettingsComparison.run(sourceInfo, targetInfo);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report));
        } else {
            SettingsPrinter.print(report, out);
        }
        out.flush();
        return 0;
    }
}
