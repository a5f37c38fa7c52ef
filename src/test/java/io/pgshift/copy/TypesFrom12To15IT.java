package io.pgshift.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.Dependency;
import io.pgshift.object.ObjectRef;
import io.pgshift.data.SessionSettings;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Types, collations, conversions and casts of a 12 source (ICU and nondeterministic collations included),
 * copied into 15 and checked by pg_dump 15; and the order base types need with their functions.
 */
class TypesFrom12To15IT {
    private static final String BASE = "base_types";

    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @BeforeAll
    static void createSource() throws Exception {
        TypesFixture.createRoles(source, target);
        TypesFixture.load(source);
        source.createDatabase(BASE);
        source.execute(BASE, CopyFrom12To17IT.resource("/torture/types-base.sql"));
    }

    @Test
    void typesCollationsConversionsAndCastsDumpIdenticallyAndTheirRowsArrive() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, TypesFixture.DB), "--target",
                Cli.conn(target, TypesFixture.DB));
        assertThat(run.exitCode()).as(run.err()).isZero();

        String expected = PgDumpOracle.schema(source, TypesFixture.DB);
        String actual = PgDumpOracle.schema(target, TypesFixture.DB);

        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        assertThat(expected).contains("deterministic = false");
        TypesFixture.assertSameContent(source, target);
    }

    @Test
    void aBaseTypesFunctionsWaitForItsShellAndTheTypeWaitsForThem() throws Exception {
        try (Connection c = source.connect(BASE)) {
            SessionSettings.applySource(c, CatalogReader.versionOf(c));
            List<Dependency> edges = new CatalogReader(c, CatalogReader.versionOf(c)).read().dependencies();
            long int42 = oid(c, "SELECT '\"Base\".\"Int 42\"'::regtype::oid");
            long input = oid(c, "SELECT '\"Base\".int42_in'::regproc::oid");
            long output = oid(c, "SELECT '\"Base\".int42_out'::regproc::oid");
            long range = oid(c, "SELECT 'public.int4r'::regtype::oid");
            long canonical = oid(c, "SELECT 'public.int4r_canon'::regproc::oid");
            long table = oid(c, "SELECT 'public.uses'::regclass::oid");

            assertThat(edges).contains(
                    edge(ObjectRef.of("pg_proc", input), ObjectRef.shellOf(int42)),
                    edge(ObjectRef.of("pg_proc", output), ObjectRef.shellOf(int42)),
                    edge(ObjectRef.of("pg_type", int42), ObjectRef.of("pg_proc", input)),
                    edge(ObjectRef.of("pg_proc", canonical), ObjectRef.shellOf(range)),
                    edge(ObjectRef.of("pg_type", range), ObjectRef.of("pg_proc", canonical)),
                    edge(ObjectRef.relation(table), ObjectRef.of("pg_type", int42)));
            assertThat(edges).doesNotContain(edge(ObjectRef.of("pg_proc", input), ObjectRef.of("pg_type", int42)));
        }
    }

    @Test
    void baseRangeAndShellTypesDumpIdenticallyOnceTheirFunctionsAreCopied() throws Exception {
        Cli.Run plan = Cli.run("copy", "--dry-run", "--source", Cli.conn(source, BASE), "--target",
                Cli.conn(target, BASE));
        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(plan.out().indexOf("CREATE TYPE \"Base\".\"Int 42\";"))
                .isLessThan(plan.out().indexOf("CREATE TYPE \"Base\".\"Int 42\" ("));
        assertThat(plan.out()).contains("CREATE OR REPLACE FUNCTION");

        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, BASE), "--target", Cli.conn(target, BASE));
        assertThat(run.exitCode()).as(run.err()).isZero();

        String expected = PgDumpOracle.schema(source, BASE);
        String actual = PgDumpOracle.schema(target, BASE);
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
    }

    private static Dependency edge(ObjectRef dependent, ObjectRef referenced) {
        return new Dependency(dependent, referenced);
    }

    private static long oid(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
