package io.pgshift.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routines and operators from 12 into 17, which pg_dump 15 cannot read: the copy must succeed and every
 * object must be there and work. And a postfix operator, which 14 removed, and a function that sets a
 * parameter 14 removed, must stop the copy before it writes anything.
 */
class RoutinesFrom12To17IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    /** Every user object of the routine kinds, as the server describes it. */
    private static final String OBJECTS = """
            SELECT pg_catalog.pg_describe_object(classid, objid, 0) FROM (
                SELECT 'pg_catalog.pg_proc'::pg_catalog.regclass AS classid, p.oid AS objid, p.pronamespace AS nsp
                FROM pg_catalog.pg_proc p
                UNION ALL SELECT 'pg_catalog.pg_operator'::pg_catalog.regclass, o.oid, o.oprnamespace
                FROM pg_catalog.pg_operator o WHERE o.oprcode <> 0
                UNION ALL SELECT 'pg_catalog.pg_opclass'::pg_catalog.regclass, c.oid, c.opcnamespace
                FROM pg_catalog.pg_opclass c
                UNION ALL SELECT 'pg_catalog.pg_opfamily'::pg_catalog.regclass, f.oid, f.opfnamespace
                FROM pg_catalog.pg_opfamily f
            ) o JOIN pg_catalog.pg_namespace n ON n.oid = o.nsp
            WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
            UNION ALL SELECT 'language ' || l.lanname FROM pg_catalog.pg_language l WHERE l.lanispl AND l.oid >= 16384
            UNION ALL SELECT pg_catalog.pg_describe_object('pg_catalog.pg_transform'::pg_catalog.regclass, t.oid, 0)
            FROM pg_catalog.pg_transform t
            ORDER BY 1""";

    @BeforeAll
    static void createSourceDatabases() throws Exception {
        RoutineFixtures.createSource(source, target);
        source.createDatabase("retired");
        source.execute("retired", "CREATE TABLE public.numbers (n bigint)",
                "CREATE FUNCTION public.factorial(bigint) RETURNS numeric LANGUAGE sql AS $$ SELECT 1::numeric $$",
                "CREATE OPERATOR public.! (LEFTARG = bigint, PROCEDURE = public.factorial)",
                "CREATE FUNCTION public.old_style() RETURNS integer LANGUAGE sql SET operator_precedence_warning = on"
                        + " AS $$ SELECT 1 $$");
    }

    @Test
    void everyRoutineOperatorClassLanguageAndTransformArrivesAndWorks() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, RoutineFixtures.DB), "--target",
                Cli.conn(target, RoutineFixtures.DB));

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Connection s = source.connect(RoutineFixtures.DB); Connection t = target.connect(RoutineFixtures.DB)) {
            List<String> expected = column(s, OBJECTS);
            assertThat(expected).hasSizeGreaterThan(50);
            assertThat(column(t, OBJECTS)).isEqualTo(expected);
            assertThat(column(t, "SELECT public.\"order\"(1, 'x', 2, 3) || ' ' || \"Rout \"\"ines\"\"\".\"Sum \"\"All\"\"\"(g)"
                    + " || ' ' || public.in_my_lang(41) || ' ' || (7 OPERATOR(public.===) 7) || ' ' || ~~~ 5"
                    + " FROM pg_catalog.generate_series(1, 3) g")).containsExactly("x1 12 42 true -5");
            assertThat(column(t, "SELECT count(*) FROM public.ledger WHERE public.valid_amount(amount)"))
                    .containsExactly("2");
        }
    }

    @Test
    void aPostfixOperatorAndASettingThatNoLongerExistsStopTheCopyBeforeAnythingIsWritten() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "retired"), "--target", Cli.conn(target, "retired"));

        assertThat(run.exitCode()).isEqualTo(8);
        assertThat(run.err()).contains("operator public.! (bigint, NONE)").contains("postfix operator")
                .contains("PostgreSQL 14").contains("nothing was written").contains("drop it")
                .contains("function public.old_style() sets operator_precedence_warning")
                .contains("RESET operator_precedence_warning")
                .doesNotContain("at io.pgshift");
        try (Connection t = target.connect("postgres")) {
            assertThat(column(t, "SELECT datname FROM pg_catalog.pg_database WHERE datname = 'retired'")).isEmpty();
        }
    }

    private static List<String> column(Connection connection, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
