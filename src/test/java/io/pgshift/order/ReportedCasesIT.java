package io.pgshift.order;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DumpRoundTrip;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12's reported cases that are not loops, in one database: twin keys with INCLUDE (point 4), changed
 * privileges of built-in objects (5), a materialized view that depends on its database's time zone (6), a serial
 * column's sequence with grants (7), a public schema closed to PUBLIC and without its comment (8), a foreign table
 * next to excluded views (9). Each goes through copy, a plain script replayed by psql with ON_ERROR_STOP, and a
 * parallel directory dump and restore; pg_dump 15 reads source and target alike, and verify passes.
 */
class ReportedCasesIT {
    private static final String DB = "reported";

    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @TempDir
    static Path temp;
    static DumpRoundTrip roundTrip;

    @BeforeAll
    static void createTheCases() throws Exception {
        for (PostgresServer server : new PostgresServer[] {source, target}) {
            server.execute("postgres", "CREATE ROLE app_role", "CREATE ROLE some_role");
        }
        source.execute("postgres", "CREATE DATABASE " + DB, "ALTER DATABASE " + DB + " SET TimeZone = 'Europe/Paris'");
        source.execute(DB,
                "CREATE SCHEMA test",
                "CREATE TABLE test.twins (a integer, b integer, c integer, CONSTRAINT twins_u1 UNIQUE (a) INCLUDE (b))",
                "ALTER TABLE test.twins ADD CONSTRAINT twins_u2 UNIQUE (a) INCLUDE (b)",
                "GRANT SELECT (rolname) ON pg_catalog.pg_authid TO some_role",
                "REVOKE EXECUTE ON FUNCTION pg_catalog.pg_sleep(double precision) FROM PUBLIC",
                "CREATE TABLE test.events (id integer, at timestamptz)",
                "INSERT INTO test.events SELECT g, timestamptz '2024-03-01 12:00+00' + g * interval '1 hour' "
                        + "FROM generate_series(0, 30) g",
                "CREATE MATERIALIZED VIEW test.first_day AS SELECT id FROM test.events "
                        + "WHERE (at AT TIME ZONE current_setting('TimeZone'))::date = date '2024-03-01' WITH NO DATA",
                "DO $$ BEGIN PERFORM set_config('TimeZone', 'Europe/Paris', false); "
                        + "REFRESH MATERIALIZED VIEW test.first_day; END $$",
                "CREATE TABLE test.orders (id serial PRIMARY KEY, note text)",
                "GRANT USAGE ON SEQUENCE test.orders_id_seq TO app_role",
                "GRANT INSERT ON test.orders TO app_role",
                "INSERT INTO test.orders (note) VALUES ('a'), ('b')",
                "REVOKE USAGE ON SCHEMA public FROM PUBLIC",
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                "COMMENT ON SCHEMA public IS ''",
                "CREATE EXTENSION postgres_fdw",
                "CREATE SERVER elsewhere FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'x')",
                "CREATE FOREIGN TABLE test.projects_dump (id integer) SERVER elsewhere",
                "COMMENT ON FOREIGN TABLE test.projects_dump IS 'ft'",
                "GRANT SELECT ON test.projects_dump TO app_role",
                "CREATE VIEW test.v1 AS SELECT 1 AS x",
                "CREATE VIEW test.v2 AS SELECT x FROM test.v1");
        roundTrip = new DumpRoundTrip(source, target, temp);
    }

    @Test
    void aCopyHoldsEveryCaseAsPgDumpReadsItAndVerifies() throws Exception {
        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(source, DB), "--target", Cli.conn(target, DB));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        assertSameSchema(DB);
        assertVerified(DB);
    }

    @Test
    void aPlainScriptReplayedByPsqlHoldsEveryCase() throws Exception {
        roundTrip.plain(DB);
        assertVerified(DB + "_plain");
    }

    @Test
    void aParallelDirectoryDumpAndRestoreHoldsEveryCase() throws Exception {
        roundTrip.directory(DB);
        assertVerified(DB + "_directory");
    }

    @Test
    void excludingTwoViewsLeavesTheForeignTableWithItsCommentAndGrant() throws Exception {
        Cli.Run copy = Cli.run("copy", "-T", "test.v1", "-T", "test.v2", "--source", Cli.conn(source, DB),
                "--target", Cli.conn(target, DB + "_no_views"));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        String expected = PgDumpOracle.schema(source, DB);
        String actual = PgDumpOracle.schema(target, DB + "_no_views");
        assertThat(actual).contains("CREATE FOREIGN TABLE test.projects_dump")
                .contains("COMMENT ON FOREIGN TABLE test.projects_dump IS 'ft';")
                .contains("GRANT SELECT ON TABLE test.projects_dump TO app_role;")
                .doesNotContain("CREATE VIEW test.v1");
        assertThat(expected).contains("CREATE VIEW test.v1");
    }

    private static void assertSameSchema(String db) throws Exception {
        String expected = PgDumpOracle.schema(source, DB);
        String actual = PgDumpOracle.schema(target, db);
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
    }

    private static void assertVerified(String db) {
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, DB), "--target", Cli.conn(target, db));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }
}
