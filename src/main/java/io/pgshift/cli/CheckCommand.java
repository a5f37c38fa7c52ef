package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.check.CheckOptions;
import io.pgshift.check.CheckReport;
import io.pgshift.check.Preflight;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.server.DatabaseSelection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", sortOptions = false,
        description = {
            "Pre-flight check of a whole-server upgrade. Reads both servers, in read-only sessions, and writes nothing.",
            "Reports connectivity and versions, the target user's privileges, extensions, objects the target's "
                + "version cannot take, encoding and locale, non-empty target databases, roles that differ, large "
                + "objects, tables without primary keys, and each database's size with the recommended method and an "
                + "estimated duration. Every finding has a stable code (PGS-...), a severity and a fix. Exits 12 when "
                + "any error is found.",
            "Checks every source database except template0, template1 and the cloud providers' maintenance "
                + "databases, each reported as skipped (PGS-DATABASE-SKIPPED) with the reason."})
final class CheckCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "CONN",
            description = "Any database of the source server (it names the server).")
    String source;

    @Mixin
    SourceFlags sourceFlags = new SourceFlags();

    @Option(names = "--target", paramLabel = "CONN",
            description = "The target server; postgres or template1 is used when the named database does not exist.")
    String target;

    @Mixin
    TargetFlags targetFlags = new TargetFlags();

    @Option(names = "--databases", split = ",", paramLabel = "NAME",
            description = "Check only these source databases (comma-separated).")
    List<String> databases = List.of();

    @Option(names = "--exclude-databases", split = ",", paramLabel = "NAME",
            description = "Leave these source databases out (comma-separated).")
    List<String> excludeDatabases = List.of();

    /** The upgrade's own flags, so the check predicts the upgrade that will be run. */
    @Mixin
    DdlFlags ddl = new DdlFlags();

    @Option(names = "--json", description = "Print every finding as JSON instead of a table.")
    boolean json;

    @Mixin
    Verbose verbose = new Verbose();

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConnInfo sourceInfo = source(Environment.system());
        ConnInfo targetInfo = target(Environment.system());
        CheckOptions options = new CheckOptions(new DatabaseSelection(databases, excludeDatabases),
                CheckOptions.DEFAULT_PROBE, ddl.toOptions());
        CheckReport report = Preflight.run(sourceInfo, targetInfo, options);
        if (json) {
            out.println(Json.write(report));
        } else {
            CheckPrinter.print(report, out);
        }
        out.flush();
        if (!report.passed()) {
            throw new PgShiftException(ErrorCode.CHECK_FAILED, report.errors() + (report.errors() == 1 ? " error" : " errors")
                    + " found; fix " + (report.errors() == 1 ? "it" : "them") + " before upgrading");
        }
        return 0;
    }

    ConnInfo source(Environment env) {
        return ConnectionArgument.required(spec.commandLine(), "--source", source, sourceFlags.flags(), env);
    }

    ConnInfo target(Environment env) {
        return ConnectionArgument.required(spec.commandLine(), "--target", target, targetFlags.flags(), env);
    }
}
