package io.pgshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.report.Contents;
import io.pgshift.report.ReportSession;
import io.pgshift.report.VerifyContents;
import io.pgshift.verify.Verification;
import io.pgshift.verify.VerificationReport;
import io.pgshift.verify.VerifyOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "verify", sortOptions = false,
        description = {"Prove that a target database equals its source: every object compared by the statements that "
                + "would recreate it (owners, comments and privileges included), every table by row count and an "
                + "order-independent hash of its rows, every sequence by position, every large object by owner, "
                + "privileges and contents. Each server is read in one snapshot, both at the same time. Exits 10 and "
                + "names each difference when they differ.",
            "Without a database name in --source and --target, every database of the source is verified except "
                + "template0, template1 and the maintenance databases of managed services."})
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "CONN", description = "The original database or server.")
    String source;

    @Mixin
    SourceFlags sourceFlags = new SourceFlags();

    @Option(names = "--target", paramLabel = "CONN", description = "The copy.")
    String target;

    @Mixin
    TargetFlags targetFlags = new TargetFlags();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "2", converter = AtLeast.One.class,
            description = "Tables hashed at the same time, each on both servers at once (default: 2).")
    int jobs;

    @Option(names = "--split-tables-larger-than", paramLabel = "SIZE", converter = ByteSize.class,
            description = "Hash a table larger than this (e.g. 500MB, 2GB; 0 never) in several ranges at once, as "
                    + "copy cuts them. Default: 1GB.")
    Long splitTablesLargerThan;

    @Option(names = "--split-max-parts", paramLabel = "N", converter = AtLeast.One.class,
            description = "How many ranges such a table is cut into at most (default: the same as --jobs).")
    Integer splitMaxParts;

    @Option(names = "--databases", paramLabel = "NAME", split = ",",
            description = "Verify only these databases (connection strings without a database name).")
    List<String> databases = List.of();

    @Option(names = "--exclude-databases", paramLabel = "NAME", split = ",",
            description = "Leave these databases out (connection strings without a database name).")
    List<String> excludeDatabases = List.of();

    @Option(names = "--json", description = "Write the report as JSON instead of text.")
    boolean json;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    ReportOption report = new ReportOption();

    @Mixin
    Verbose verbose = new Verbose();

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public Integer call() throws IOException {
        ConnInfo from = source(Environment.system());
        ConnInfo to = target(Environment.system());
        boolean wholeServer = !from.namesDatabase() && !to.namesDatabase();
        if (!wholeServer && (!databases.isEmpty() || !excludeDatabases.isEmpty())) {
            throw new ParameterException(spec.commandLine(), "--databases and --exclude-databases choose among the "
                    + "databases of a server: leave the database name out of --source and --target");
        }
        VerifyOptions options = new VerifyOptions(jobs,
                splitTablesLargerThan != null ? splitTablesLargerThan : VerifyOptions.DEFAULT_SPLIT_THRESHOLD,
                splitMaxParts != null ? splitMaxParts : 0);
        // The verification tells of each table hashed on both servers: the live status shows how far it is.
        return output.run(spec, progress -> {
            ReportSession session = this.report.session("verify", from.describe(), to.describe(), progress);
            session.interruptedWrites(() -> Contents.NONE);
            VerificationReport result;
            try {
                result = wholeServer
                        ? Verification.runDatabases(from, to, options, databases, excludeDatabases,
                                session.listener())
                        : Verification.run(from, to, options, null, session.listener());
                progress.close();
            } catch (RuntimeException e) {
                session.failed(e, Contents.NONE);
                throw e;
            }
            String verdict = result.passed() ? null : VerificationPrinter.summary(result);
            session.finish(result.passed(), result.passed() ? 0 : ErrorCode.VERIFICATION_FAILED.exitCode(), verdict,
                    VerifyContents.of(result, Json.tree(VerificationPrinter.json(result))));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(VerificationPrinter.json(result));
                out.flush();
            } else {
                VerificationPrinter.print(result, out);
                ReportOption.written(session, out);
            }
            if (!result.passed()) {
                throw new PgShiftException(ErrorCode.VERIFICATION_FAILED, verdict);
            }
            return 0;
        });
    }

    ConnInfo source(Environment env) {
        return ConnectionArgument.required(spec.commandLine(), "--source", source, sourceFlags.flags(), env);
    }

    ConnInfo target(Environment env) {
        return ConnectionArgument.required(spec.commandLine(), "--target", target, targetFlags.flags(), env);
    }
}
