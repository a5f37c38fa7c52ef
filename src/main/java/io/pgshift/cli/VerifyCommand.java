package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.verify.SchemaDifference;
import io.pgshift.verify.TableCheck;
import io.pgshift.verify.Verification;
import io.pgshift.verify.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Prove that a target database equals its source: every object compared by the statements that "
                + "would recreate it (owners and privileges included), every table by row count and an "
                + "order-independent hash of its rows. Exits 10 and names each difference when they differ. Run it "
                + "while nothing writes to the source, or it will report those writes.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "CONN", description = "The original database.")
    String source;

    @Option(names = "--target", required = true, paramLabel = "CONN", description = "The copy.")
    String target;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        Environment env = Environment.system();
        VerificationReport report = Verification.run(ConnInfo.parse(source, env), ConnInfo.parse(target, env));
        PrintWriter out = spec.commandLine().getOut();
        for (SchemaDifference d : report.schema()) {
            out.println(d.describe());
        }
        for (TableCheck t : report.differentTables()) {
            out.println("TABLE DATA " + t.table() + ": " + Units.count(t.source().rows()) + " rows on the source, "
                    + Units.count(t.target().rows()) + " on the target"
                    + (t.source().rows() == t.target().rows() ? ", with different contents" : ""));
        }
        long rows = report.tables().stream().mapToLong(t -> t.source().rows()).sum();
        if (!report.passed()) {
            out.flush();
            throw new PgShiftException(ErrorCode.VERIFICATION_FAILED, report.schema().size() + " objects and "
                    + report.differentTables().size() + " tables differ");
        }
        out.println("The target equals the source: every object, and " + report.tables().size() + " tables with "
                + Units.count(rows) + " rows.");
        return 0;
    }
}
