package io.pgshift.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.settings.SettingsComparison;
import io.pgshift.roles.TargetProfile;
import io.pgshift.settings.SettingsReport;
import io.pgshift.settings.SettingsScript;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "settings", sortOptions = false,
        description = {
            "Compare the server parameters of a source and a target, reading both and writing nothing.",
            "Lists the parameters the source's configuration changes from their defaults (set in the configuration "
                + "file or ALTER SYSTEM, on the command line, in the environment, or with ALTER ROLE ALL SET) with "
                + "their values on the target; parameters the target's version renamed or removed, with their "
                + "replacements; defaults that changed between the versions; and the target's new parameters. Values "
                + "are compared in each parameter's unit and type; per-instance parameters (port, paths, "
                + "certificates, replication) are left out."})
final class CompareSettingsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "CONN", description = "Any database of the source server.")
    String source;

    @Mixin
    SourceFlags sourceFlags = new SourceFlags();

    @Option(names = "--target", paramLabel = "CONN", description = "Any database of the target server.")
    String target;

    @Mixin
    TargetFlags targetFlags = new TargetFlags();

    @Option(names = "--json", description = "Print the comparison as JSON.")
    boolean json;

    @Option(names = "--script", paramLabel = "FILE",
            description = "Also write to FILE (a new file) the ALTER SYSTEM statements that give the target the "
                    + "source's non-default settings, renamed parameters under their new names; for a managed "
                    + "target, a note per parameter on where the provider takes it. Nothing is run.")
    Path script;

    @Option(names = "--target-profile", paramLabel = "PROFILE", defaultValue = "auto",
            description = "For --script: auto (default: detect from the target's roles and parameters), generic, "
                    + "azure, rds or cloudsql.")
    String profile;

    @Mixin
    Verbose verbose = new Verbose();

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public Integer call() {
        ConnInfo sourceInfo = source(Environment.system());
        ConnInfo targetInfo = target(Environment.system());
        TargetProfile targetProfile = TargetProfile.of(profile);
        SettingsReport report = SettingsComparison.run(sourceInfo, targetInfo);
        if (script != null) {
            SettingsScript.write(report, targetProfile, script);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(report));
        } else {
            SettingsPrinter.print(report, out);
            if (script != null) {
                out.println();
                out.println("The statements are in " + script + "; review them, then run them on the target.");
            }
        }
        out.flush();
        return 0;
    }

    ConnInfo source(Environment env) {
        return ConnectionArgument.required(spec.commandLine(), "--source", source, sourceFlags.flags(), env);
    }

    ConnInfo target(Environment env) {
        return ConnectionArgument.required(spec.commandLine(), "--target", target, targetFlags.flags(), env);
    }
}
