package io.pgshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

import io.pgshift.analyze.Analyze;
import io.pgshift.analyze.AnalyzeOptions;
import io.pgshift.analyze.AnalyzeResult;
import io.pgshift.analyze.StageResult;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "analyze", sortOptions = false,
        description = "Run ANALYZE on a server after a restore or an upgrade, in parallel across tables and "
                + "databases, largest tables first. Without a database in the connection (and without --databases), "
                + "every database of the server is analyzed except template0, template1 and the providers' "
                + "maintenance databases.")
final class AnalyzeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--target", paramLabel = "CONN",
            description = "The server to analyze. Without it, -h, -p, -U, -d and the PG* environment variables name it.")
    String target;

    @Mixin
    PgDumpFlags server = new PgDumpFlags();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", converter = AtLeast.One.class,
            description = "Tables analyzed at the same time. Default: the number of CPU cores, at most 8.")
    Integer jobs;

    @Option(names = {"--in-stages", "--analyze-in-stages"},
            description = "Three passes, as vacuumdb --analyze-in-stages: statistics targets 1, then 10, then the "
                    + "default, each over every table before the next, so applications can come back sooner.")
    boolean inStages;

    @Option(names = "--databases", paramLabel = "NAME", split = ",",
            description = "Only these databases (comma-separated).")
    List<String> databases = List.of();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    Verbose verbose = new Verbose();

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ConnInfo conn = target(Environment.system());
        AnalyzeOptions options = new AnalyzeOptions(conn, jobs != null ? jobs : CopyCommand.defaultJobs(), inStages,
                databases);
        AnalyzeResult result = output.run(spec, progress -> {
            AnalyzeResult analyzed = Analyze.run(options, progress);
            progress.close();
            return analyzed;
        });
        print(result, out);
        return 0;
    }

    ConnInfo target(Environment env) {
        return ConnectionArgument.optional(spec.commandLine(), "--target", target, server.flags(), env);
    }

    static void print(AnalyzeResult r, PrintWriter out) {
        out.println();
        out.println("Analyzed " + Units.count(r.tables()) + " tables in " + r.databases().size()
                + (r.databases().size() == 1 ? " database (" : " databases (") + String.join(", ", r.databases())
                + ") in " + Units.duration(r.took()));
        for (StageResult s : r.stages()) {
            out.printf("  stage %d, %-28s %10s%n", s.stage().number(), s.stage().label() + ":",
                    Units.duration(s.took()));
        }
        if (!r.warnings().isEmpty()) {
            out.println("  warnings: " + r.warnings().size());
            r.warnings().forEach(w -> out.println("    " + w));
        }
        out.flush();
    }
}
