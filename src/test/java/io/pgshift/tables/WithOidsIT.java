package io.pgshift.tables;

import java.sql.Connection;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A PostgreSQL 11 source into 12, where WITH OIDS no longer exists: such a table is refused before anything
 * is written, and a source without one copies with 10's and 11's partitioning intact.
 */
class WithOidsIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("11");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("12");

    @BeforeAll
    static void createSource() throws Exception {
        source.createDatabase("legacy_oids");
        source.execute("legacy_oids", "CREATE SCHEMA \"Old Stuff\"",
                "CREATE TABLE \"Old Stuff\".\"With Oids\" (id integer) WITH OIDS",
                "INSERT INTO \"Old Stuff\".\"With Oids\" VALUES (1)",
                "CREATE TABLE public.plain (id integer)");
        TableTorture.load(source, "tables");
        TableTorture.roles(target);
    }

    @Test
    void aTableWithOidsIsRefusedByNameBeforeTheTargetDatabaseIsCreated() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "legacy_oids"), "--target",
                Cli.conn(target, "legacy_oids"));

        assertThat(run.exitCode()).isEqualTo(8);
        assertThat(run.err()).contains("\"Old Stuff\".\"With Oids\"").contains("WITH OIDS")
                .contains("ALTER TABLE \"Old Stuff\".\"With Oids\" SET WITHOUT OIDS").doesNotContain("at io.pgshift");
        try (Connection t = target.connect("postgres")) {
            var rs = t.createStatement().executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'legacy_oids'");
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }
    }

    @Test
    void aTargetOlderThan12KeepsTheOids() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "legacy_oids"), "--target",
                Cli.conn(source, "legacy_oids_copy"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        TableTorture.assertSameSchema(source, "legacy_oids", source, "legacy_oids_copy");
        try (Connection t = source.connect("legacy_oids_copy")) {
            var rs = t.createStatement().executeQuery(
                    "SELECT relhasoids FROM pg_class WHERE oid = '\"Old Stuff\".\"With Oids\"'::regclass");
            rs.next();
            assertThat(rs.getBoolean(1)).isTrue();
        }
    }

    @Test
    void partitionsAndKeysOfAn11SourceArriveWithTheSameSchemaAndRows() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "tables"), "--target", Cli.conn(target, "tables"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        TableTorture.assertSameSchema(source, "tables", target, "tables");
        TableTorture.assertSameContent(source, "tables", target, "tables");
    }
}
