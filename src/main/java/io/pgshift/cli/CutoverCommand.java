package io.pgshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;

import io.pgshift.online.Cutover;
import io.pgshift.online.CutoverOptions;
import io.pgshift.online.CutoverResult;
import io.pgshift.online.StopWrites;
import io.pgshift.online.VerifyAt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "cutover", sortOptions = false,
        description = {"Make the target of an online copy (copy --online) the primary: stop the application's writes "
                + "on the source, wait until the target applied them all, set the sequences, copy the large objects "
                + "that changed, verify every table, and drop the subscription, slot and publication. Each step is "
                + "printed with its duration, and the total write stop at the end.",
            "Refused before anything stops when the source's schema changed since the copy (DDL is not replicated). "
                + "A failure before the replication is dropped makes the source writable again and exits 16; the "
                + "target then still follows, and the cutover can be run again."})
final class CutoverCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OnlineEnds ends = new OnlineEnds();

    @Option(names = "--stop-writes", paramLabel = "HOW", defaultValue = "read-only",
            converter = StopWritesConverter.class,
            description = "read-only (default): make the source database read-only for new sessions and end its open "
                    + "sessions; none: the application was stopped already, change nothing.")
    StopWrites stopWrites;

    @Option(names = "--catch-up-timeout", paramLabel = "SECONDS", defaultValue = "300",
            converter = AtLeast.One.class,
            description = "How long the target may take to apply the source's last changes once writes stopped "
                    + "(default: 300).")
    int catchUpSeconds;

    @Option(names = "--verify", paramLabel = "WHEN", defaultValue = "before", converter = VerifyAtConverter.class,
            description = "before (default): compare every table's rows by hash before the handover, while the "
                    + "writes are stopped, so that a difference leaves the source as it was; the write stop then grows "
                    + "with the data. after: compare row counts before the handover, and the hashes after it, on the "
                    + "target as it was at the handover; a difference is then found once the application may write "
                    + "to the target, and exits 10.")
    VerifyAt verifyAt;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", defaultValue = "2", converter = AtLeast.One.class,
            description = "Tables verified at the same time, each on both servers at once (default: 2).")
    int jobs;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    Verbose verbose = new Verbose();

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        java.util.List<String> databases = ends.databases(spec);
        java.util.List<String> done = new java.util.ArrayList<>();
        for (String database : databases) {
            CutoverOptions options = new CutoverOptions(ends.source(spec, database), ends.target(spec, database),
                    stopWrites, Duration.ofSeconds(catchUpSeconds), jobs, verifyAt);
            CutoverResult result;
            try {
                result = output.run(spec, progress -> {
                    CutoverResult finished = new Cutover(options, progress).run();
                    progress.close();
                    return finished;
                });
            } catch (io.pgshift.PgShiftException e) {
                if (done.isEmpty()) {
                    throw e;
                }
                throw new io.pgshift.PgShiftException(e.code(), "database " + database + ": " + e.getMessage()
                        + "; cut over before it: " + String.join(", ", done) + "; not tried: "
                        + (done.size() + 1 < databases.size() ? String.join(", ", databases.subList(done.size() + 1,
                                databases.size())) : "none"), e);
            }
            if (databases.size() > 1) {
                out.println("database " + database + ":");
            }
            print(result, out);
            done.add(database);
        }
        return 0;
    }

    private static void print(CutoverResult result, PrintWriter out) {
        for (CutoverResult.Step step : result.steps()) {
            out.printf("%-17s %8d ms  %s%n", step.name(), step.took().toMillis(), step.detail());
        }
        out.printf("writes were stopped for %.1f s%n", result.writeStop().toMillis() / 1000.0);
        out.println("the target is now the primary: point the application at " + result.target());
        out.println("the source database " + result.database() + " stays read-only; to write to it again: ALTER "
                + "DATABASE " + result.database() + " RESET default_transaction_read_only");
        out.flush();
    }

    static final class VerifyAtConverter implements picocli.CommandLine.ITypeConverter<VerifyAt> {
        @Override
        public VerifyAt convert(String value) {
            return switch (value) {
                case "before" -> VerifyAt.BEFORE_HANDOVER;
                case "after" -> VerifyAt.AFTER_HANDOVER;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "--verify is before or after, not " + value);
            };
        }
    }

    static final class StopWritesConverter implements picocli.CommandLine.ITypeConverter<StopWrites> {
        @Override
        public StopWrites convert(String value) {
            return switch (value) {
                case "read-only" -> StopWrites.READ_ONLY;
                case "none" -> StopWrites.NONE;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "--stop-writes is read-only or none, not " + value);
            };
        }
    }
}
