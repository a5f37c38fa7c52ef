package io.pgshift.analyze;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `pgshift analyze` on a PostgreSQL 17 server. Autovacuum is off on every fixture table, so the statistics
 * found afterwards can only come from pgshift.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AnalyzeIT {
    @RegisterExtension
    static final PostgresServer server = PostgresServer.version("17");

    @BeforeAll
    static void createDatabases() {
        for (String db : List.of("an_orders", "an_stages", "an_untouched")) {
            server.createDatabase(db);
        }
        server.execute("an_orders",
                "CREATE TABLE big (id integer, note text) WITH (autovacuum_enabled = false)",
                "INSERT INTO big SELECT g, md5(g::text) FROM generate_series(1, 20000) g",
                "CREATE TABLE small (id integer) WITH (autovacuum_enabled = false)",
                "INSERT INTO small SELECT generate_series(1, 50)",
                "CREATE SCHEMA \"Sales\"",
                "CREATE TABLE \"Sales\".\"Order Lines\" (id integer, qty integer) WITH (autovacuum_enabled = false)",
                "INSERT INTO \"Sales\".\"Order Lines\" SELECT g, g % 7 FROM generate_series(1, 1000) g",
                "CREATE TABLE parted (id integer, day date) PARTITION BY RANGE (id)",
                "CREATE TABLE parted_1 PARTITION OF parted FOR VALUES FROM (0) TO (500) WITH (autovacuum_enabled = false)",
                "CREATE TABLE parted_2 PARTITION OF parted FOR VALUES FROM (500) TO (1000) WITH (autovacuum_enabled = false)",
                "INSERT INTO parted SELECT g, DATE '2024-01-01' + g FROM generate_series(0, 999) g");
        server.execute("an_stages",
                "CREATE TABLE wide (id integer, grp integer) WITH (autovacuum_enabled = false)",
                "INSERT INTO wide SELECT g, g % 1000 FROM generate_series(1, 30000) g");
        server.execute("an_untouched",
                "CREATE TABLE left_alone (id integer) WITH (autovacuum_enabled = false)",
                "INSERT INTO left_alone SELECT generate_series(1, 100)");
    }

    @Test
    @Order(1)
    void everyTableOfTheNamedDatabasesGetsStatisticsFromParallelSessions() throws Exception {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void itemDone(Progress progress, String item, long rows, long bytes, Duration took) {
                threads.add(Thread.currentThread().getName());
            }
        };

        AnalyzeResult result = Analyze.run(new AnalyzeOptions(serverConn(), 2, false,
                List.of("an_orders", "an_stages")), listener);

        assertThat(result.databases()).containsExactly("an_orders", "an_stages");
        assertThat(result.tables()).isEqualTo(7);
        assertThat(result.stages()).hasSize(1);
        assertThat(result.warnings()).isEmpty();
        assertThat(threads).hasSize(2);
        for (String table : List.of("public.big", "public.small", "\"Sales\".\"Order Lines\"", "public.parted",
                "public.parted_1", "public.parted_2")) {
            assertThat(statisticsRows("an_orders", table)).as(table).isPositive();
        }
        assertThat(statisticsRows("an_stages", "public.wide")).isPositive();
        assertThat(statisticsRows("an_untouched", "public.left_alone")).isZero();
    }

    @Test
    @Order(2)
    void inStagesRunsThreePassesAndEndsWithTheDefaultStatisticsTarget() throws Exception {
        AnalyzeResult result = Analyze.run(new AnalyzeOptions(serverConn().withDatabase("an_stages"), 2, true,
                List.of()), ProgressListener.NONE);

        assertThat(result.databases()).containsExactly("an_stages");
        assertThat(result.stages()).extracting(s -> s.stage().statisticsTarget()).containsExactly(1, 10, null);
        assertThat(result.stages()).allMatch(s -> s.tables() == 1);
        // 1000 distinct values: a target of 1 or 10 keeps at most 11 histogram bounds, the default of 100 keeps 101.
        try (Connection c = server.connect("an_stages"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT array_length(histogram_bounds::text::text[], 1) FROM pg_stats "
                     + "WHERE tablename = 'wide' AND attname = 'grp'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).isEqualTo(101);
        }
    }

    @Test
    @Order(3)
    void withoutADatabaseTheCommandAnalyzesEveryDatabaseButTheTemplates() throws Exception {
        Cli.Run run = Cli.run("analyze", "--target", serverConnString(), "--jobs", "3", "--in-stages");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Analyzed 8 tables in 4 databases (an_orders, an_stages, an_untouched, postgres)").contains("stage 3, default statistics target")
                .doesNotContain("template");
        assertThat(statisticsRows("an_untouched", "public.left_alone")).isPositive();
    }

    private static long statisticsRows(String db, String table) throws Exception {
        try (Connection c = server.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_statistic WHERE starelid = '"
                     + table.replace("'", "''") + "'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The server without a database: "every database" to the analyze command. */
    private static String serverConnString() {
        return "host=" + server.host() + " port=" + server.port() + " user=" + server.superuser() + " password='"
                + server.password() + "' sslmode=disable";
    }

    private static ConnInfo serverConn() {
        return ConnInfo.parse(serverConnString(), Environment.of(Map.of(), java.nio.file.Path.of("/nonexistent"),
                "nobody"));
    }
}
