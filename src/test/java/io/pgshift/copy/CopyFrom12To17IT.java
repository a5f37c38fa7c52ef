package io.pgshift.copy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** `pgshift copy` from PostgreSQL 12 into 17, end to end through the command line. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
public class CopyFrom12To17IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void createSourceDatabases() throws IOException {
        source.createDatabase("bench");
        source.execute("bench", fixture("pgbench.sql"));
        source.createDatabase("shop");
        source.execute("shop", resource("/io/pgshift/demo/shop.sql"));
    }

    @Test
    @Order(1)
    void aPgbenchDatabaseArrivesWithEqualRowsSequencesRelationsAndConstraints() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "bench"), "--target", Cli.conn(target, "bench"),
                "--jobs", "2");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertSameContent("bench");
    }

    @Test
    @Order(2)
    void aDatabaseWithSchemasIdentitySerialsChecksAndViewsArrivesIntact() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "shop"), "--target", Cli.conn(target, "shop"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Copied").contains("slowest tables");
        assertSameContent("shop");
        try (Connection t = target.connect("shop")) {
            var rs = t.createStatement().executeQuery("SELECT count(*) FROM sales.customer_totals");
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(20000);
        }
    }

    @Test
    @Order(3)
    void aTargetThatAlreadyHoldsTablesIsRefused() {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "bench"), "--target", Cli.conn(target, "bench"));

        assertThat(run.exitCode()).isEqualTo(7);
        assertThat(run.err()).contains("not empty").contains("--clean").doesNotContain("at io.pgshift");
    }

    @Test
    @Order(4)
    void cleanReplacesTheObjectsOfANonEmptyTarget() throws Exception {
        target.execute("bench", "DELETE FROM pgbench_history WHERE tid = 3");

        Cli.Run run = Cli.run("copy", "--clean", "--source", Cli.conn(source, "bench"), "--target",
                Cli.conn(target, "bench"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertSameContent("bench");
    }

    @Test
    void aTargetOlderThanTheSourceIsRefused() {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(target, "postgres"), "--target",
                Cli.conn(source, "downgrade"));

        assertThat(run.exitCode()).isEqualTo(8);
        assertThat(run.err()).contains("older than the source").doesNotContain("Exception");
    }

    @Test
    void dryRunPrintsTheStatementsInRestoreOrderAndTouchesNothing() {
        Cli.Run run = Cli.run("copy", "--dry-run", "--source", Cli.conn(source, "shop"), "--target",
                Cli.conn(target, "never_created"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out.indexOf("CREATE SCHEMA sales")).isLessThan(out.indexOf("CREATE TABLE sales.orders"));
        assertThat(out.indexOf("CREATE TABLE sales.orders")).isLessThan(out.indexOf("CREATE VIEW sales.customer_totals"));
        assertThat(out.indexOf("-- data: TABLE DATA sales.orders")).isLessThan(out.indexOf("CREATE UNIQUE INDEX orders_pkey ON sales.orders"));
        assertThat(out.indexOf("CREATE UNIQUE INDEX orders_pkey ON sales.orders"))
                .isLessThan(out.indexOf("ADD CONSTRAINT orders_pkey PRIMARY KEY USING INDEX orders_pkey"));
        assertThat(out.indexOf("PRIMARY KEY USING INDEX")).isLessThan(out.indexOf("FOREIGN KEY"));
        target.execute("postgres", "SELECT 1");
        assertThat(databaseExists("never_created")).isFalse();
    }

    private static boolean databaseExists(String name) {
        try (Connection c = target.connect("postgres")) {
            var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
            ps.setString(1, name);
            return ps.executeQuery().next();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void assertSameContent(String db) throws Exception {
        DatabaseSnapshot.assertSameContent(source, db, target, db);
    }

    static String fixture(String name) throws IOException {
        return resource("/fixtures/" + name);
    }

    public static String resource(String path) throws IOException {
        try (InputStream in = CopyFrom12To17IT.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
