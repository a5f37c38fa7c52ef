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

    /**
     * A range, an array or a domain hashes through its elements, so an enum inside one makes its hash differ on
     * the target as much as an enum key does; so does an expression key over an enum. Loaded into their own
     * partitions, such rows would break the partition constraint there.
     */
    @Test
    void hashPartitionsOfKeysHoldingAnEnumReceiveTheirRowsThroughTheRoot() throws Exception {
        source.createDatabase("enum_inside");
        source.execute("enum_inside", "CREATE TYPE public.level AS ENUM ('low', 'mid', 'high', 'max', 'off')",
                "CREATE TYPE public.levels AS RANGE (subtype = public.level)",
                "CREATE DOMAIN public.level_d AS public.level[]");
        String[] keys = {"r public.levels", "a public.level[]", "d public.level_d", "e public.level"};
        String[] partitionBy = {"r", "a", "d", "(ARRAY[e])"};
        String[] values = {"public.levels('low', l)", "ARRAY[l]", "ARRAY[l, l]", "l"};
        for (int i = 0; i < keys.length; i++) {
            String table = "public.t" + i;
            source.execute("enum_inside", "CREATE TABLE " + table + " (" + keys[i] + ", n integer) PARTITION BY HASH ("
                            + partitionBy[i] + ")",
                    "CREATE TABLE " + table + "_0 PARTITION OF " + table + " FOR VALUES WITH (MODULUS 2, REMAINDER 0)",
                    "CREATE TABLE " + table + "_1 PARTITION OF " + table + " FOR VALUES WITH (MODULUS 2, REMAINDER 1)",
                    "INSERT INTO " + table + " SELECT " + values[i] + ", ord FROM unnest(enum_range('mid'::public.level))"
                            + " WITH ORDINALITY u(l, ord)");
        }
        // The target's enum labels get other oids than the source's, whatever the two servers did before.
        target.execute("postgres", "CREATE TYPE public.shift_oids AS ENUM ('a', 'b', 'c', 'd', 'e', 'f', 'g')");

        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "enum_inside"), "--target",
                Cli.conn(target, "enum_inside"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Connection s = source.connect("enum_inside"); Connection t = target.connect("enum_inside")) {
            for (int i = 0; i < keys.length; i++) {
                String rows = "SELECT string_agg(t::text, ',' ORDER BY n) FROM public.t" + i + " t";
                var expected = s.createStatement().executeQuery(rows);
                var actual = t.createStatement().executeQuery(rows);
                expected.next();
                actual.next();
                assertThat(actual.getString(1)).isNotNull().isEqualTo(expected.getString(1));
            }
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
