package io.pgshift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.CatalogFilter;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.connect.Connector;
import io.pgshift.embedded.EmbeddedPostgres;
import io.pgshift.embedded.PgVersion;
import io.pgshift.run.CopyOptions;
import io.pgshift.run.CopyResult;
import io.pgshift.run.CopyRun;
import io.pgshift.verify.TableCheck;
import io.pgshift.verify.TableVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "demo", sortOptions = false,
        description = {
            "Show pgshift at work on embedded servers of its own: a sample database copied from PostgreSQL 12 to 17, "
                + "or between the versions given.",
            "Starts an embedded PostgreSQL 12 with a sample shop database (customers, products, orders, order items, "
                + "page views: about 470,000 rows with keys, indexes and a view), starts an embedded PostgreSQL 17, "
                + "copies the database across, and verifies every table's row count and row hash. Nothing outside a "
                + "temporary directory is touched; both servers stop at the end."})
final class DemoCommand implements Callable<Integer> {
    private static final String DATABASE = "shop";

    @Spec
    CommandSpec spec;

    @Option(names = "--source-version", paramLabel = "MAJOR", description = "Source major version (default: 12).")
    String sourceVersion = "12";

    @Option(names = "--target-version", paramLabel = "MAJOR", description = "Target major version (default: 17).")
    String targetVersion = "17";

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", converter = AtLeast.One.class, description = "Parallel jobs (default: 2).")
    int jobs = 2;

    @Mixin
    Verbose verbose = new Verbose();

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.println("Starting embedded PostgreSQL " + sourceVersion + " (source) and " + targetVersion + " (target)...");
        out.flush();
        try (EmbeddedPostgres source = EmbeddedPostgres.builder(PgVersion.of(sourceVersion)).start();
             EmbeddedPostgres target = EmbeddedPostgres.builder(PgVersion.of(targetVersion)).start()) {
            long start = System.nanoTime();
            source.execute("postgres", "CREATE DATABASE " + DATABASE);
            source.execute(DATABASE, sampleSchema());
            out.printf("Filled the source with the sample database in %.1f s%n", (System.nanoTime() - start) / 1e9);
            out.flush();

            ConnInfo from = connInfo(source);
            ConnInfo to = connInfo(target);
            CopyResult result;
            // The demo has none of the output options: it shows progress as a plain run does.
            Terminal terminal = Terminal.detect();
            try (ConsoleProgress progress = ConsoleProgress.start(err, terminal.present() ? ConsoleProgress.Mode.LIVE
                    : ConsoleProgress.Mode.LINES, null, terminal)) {
                result = new CopyRun(new CopyOptions(from, to, jobs, jobs, false, DdlOptions.DEFAULTS, true, false,
                        CatalogFilter.NONE, CopyOptions.DEFAULT_SPLIT_THRESHOLD, 0, false), progress).run();
            }
            SummaryPrinter.print(result, out);
            return verify(from, to, out);
        }
    }

    private static int verify(ConnInfo from, ConnInfo to, PrintWriter out) throws Exception {
        List<TableCheck> checks;
        try (Connection s = Connector.open(from); Connection t = Connector.open(to)) {
            checks = TableVerifier.compare(s, t);
        }
        out.println();
        out.println("Verification (row count and row hash of every table, source vs target):");
        boolean ok = true;
        for (TableCheck c : checks) {
            out.printf("  %-28s %10s rows  %s%n", c.table(), Units.count(c.source().rows()),
                    c.matches() ? "match" : "DIFFERENT (target has " + Units.count(c.target().rows()) + " rows)");
            ok &= c.matches();
        }
        out.flush();
        if (!ok) {
            throw new PgShiftException(ErrorCode.VERIFICATION_FAILED, "the target differs from the source");
        }
        out.println("All " + checks.size() + " tables match.");
        return 0;
    }

    private static ConnInfo connInfo(EmbeddedPostgres server) {
        return ConnInfo.parse("host=" + server.host() + " port=" + server.port() + " user=" + server.superuser()
                + " password='" + server.password() + "' dbname=" + DATABASE + " sslmode=disable",
                // The user's PG* variables describe their own servers, not these two.
                Environment.of(Map.of(), Path.of(System.getProperty("user.home")), System.getProperty("user.name")));
    }

    private static String sampleSchema() throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream("/io/pgshift/demo/shop.sql")) {
            if (in == null) {
                throw new PgShiftException(ErrorCode.INTERNAL, "the demo's sample schema is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
