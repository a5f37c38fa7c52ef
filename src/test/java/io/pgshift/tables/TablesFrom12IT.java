package io.pgshift.tables;

import java.nio.file.Path;
import java.sql.Connection;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables, partitions, constraints, indexes and tablespaces of a PostgreSQL 12 database, copied into 15. */
class TablesFrom12IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @TempDir
    static Path directories;

    @BeforeAll
    static void createSource() throws Exception {
        TableTorture.load(source, "tables");
        TableTorture.roles(target);
        TableTorture.tablespace(source, directories.resolve("source"));
        TableTorture.tablespace(target, directories.resolve("target"));
        source.createDatabase("spaces");
        source.execute("spaces", TableTorture.resource("tables-tablespace.sql"));
    }

    @Test
    void everyTableArrivesWithTheSameSchemaAndRows() throws Exception {
        Cli.Run run = Cli.run("copy", "-j", "2", "--source", Cli.conn(source, "tables"), "--target",
                Cli.conn(target, "tables"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        TableTorture.assertSameSchema(source, "tables", target, "tables");
        TableTorture.assertSameContent(source, "tables", target, "tables");
    }

    @Test
    void tablesPartitionsKeysAndIndexesKeepTheirTablespaces() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "spaces"), "--target", Cli.conn(target, "spaces"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        TableTorture.assertSameSchema(source, "spaces", target, "spaces");
        TableTorture.assertSameContent(source, "spaces", target, "spaces");
    }

    @Test
    void hashPartitionsOfAnEnumReceiveTheirRowsThroughTheRootBecauseEnumOidsDiffer() throws Exception {
        source.createDatabase("enums");
        source.execute("enums", "CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy', 'ecstatic', 'meh')",
                "CREATE TABLE public.feelings (m public.mood, n integer) PARTITION BY HASH (m)",
                "CREATE TABLE public.feelings_0 PARTITION OF public.feelings FOR VALUES WITH (MODULUS 3, REMAINDER 0)",
                "CREATE TABLE public.feelings_1 PARTITION OF public.feelings FOR VALUES WITH (MODULUS 3, REMAINDER 1)"
                        + " PARTITION BY LIST (n)",
                "CREATE TABLE public.feelings_1a PARTITION OF public.feelings_1 DEFAULT",
                "CREATE TABLE public.feelings_2 PARTITION OF public.feelings FOR VALUES WITH (MODULUS 3, REMAINDER 2)",
                "INSERT INTO public.feelings SELECT m, ord FROM unnest(enum_range(NULL::public.mood)) WITH ORDINALITY u(m, ord)");
        Cli.Run plan = Cli.run("copy", "--dry-run", "--source", Cli.conn(source, "enums"), "--target",
                Cli.conn(target, "enums"));
        if (!plan.out().contains("CREATE TYPE public.mood")) {
            // Types are another part of issue #3: until pgshift creates them, the test does, with other oids.
            target.createDatabase("enums");
            target.execute("enums", "CREATE TYPE public.unused AS ENUM ('a', 'b', 'c')",
                    "CREATE TYPE public.mood AS ENUM ('sad', 'ok', 'happy', 'ecstatic', 'meh')");
        }

        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "enums"), "--target", Cli.conn(target, "enums"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Connection s = source.connect("enums"); Connection t = target.connect("enums")) {
            String rows = "SELECT string_agg(m::text || n, ',' ORDER BY n) FROM public.feelings";
            var expected = s.createStatement().executeQuery(rows);
            var actual = t.createStatement().executeQuery(rows);
            expected.next();
            actual.next();
            assertThat(actual.getString(1)).isEqualTo(expected.getString(1));
        }
    }

    @Test
    void noTablespacesPutsEveryRelationInTheDefaultTablespace() throws Exception {
        Cli.Run run = Cli.run("copy", "--no-tablespaces", "--source", Cli.conn(source, "spaces"), "--target",
                Cli.conn(target, "spaces_default"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        TableTorture.assertSameContent(source, "spaces", target, "spaces_default");
        try (Connection t = target.connect("spaces_default")) {
            var rs = t.createStatement().executeQuery("""
                    SELECT count(*) FILTER (WHERE c.reltablespace <> 0), count(*) FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'spaced'""");
            rs.next();
            assertThat(rs.getLong(1)).as("relations outside the default tablespace").isZero();
            assertThat(rs.getLong(2)).isGreaterThan(8);
        }
    }
}
