package io.pgshift.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy declares a serial column as serial when that gives exactly the source's sequence, and writes the
 * sequence out otherwise. Either way the target has the same sequences, names, options, owners, links and
 * positions as the source.
 */
class SerialColumnsCopyIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("18");

    private static final String LONG_NAME = "a_table_name_long_enough_that_its_sequence_name_is_truncated_x";

    @BeforeAll
    static void serialColumnsOfEveryShape() {
        source.execute("postgres", "CREATE ROLE serial_owner", "CREATE ROLE serial_reader");
        source.createDatabase("serials");
        source.execute("serials",
                "CREATE SCHEMA \"Odd Schema\"",
                "CREATE TABLE \"Odd Schema\".\"Order Items\" (id serial PRIMARY KEY, big bigserial, small smallserial,"
                        + " note text)",
                // Options the serial expansion does not give.
                "CREATE TABLE stepped (id serial, v int)",
                "ALTER SEQUENCE stepped_id_seq INCREMENT BY 5 START WITH 100 RESTART",
                "CREATE TABLE renamed (id serial, v int)",
                "ALTER SEQUENCE renamed_id_seq RENAME TO renamed_ids",
                "CREATE TABLE nullable (id serial, v int)",
                "ALTER TABLE nullable ALTER COLUMN id DROP NOT NULL",
                // Two columns whose serial names collide: the second sequence is a_b_c_seq1.
                "CREATE TABLE a_b (c serial)",
                "CREATE TABLE a (b_c serial)",
                // Another table's default takes numbers from a serial column's sequence.
                "CREATE TABLE borrower (n integer DEFAULT nextval('a_b_c_seq'), v int)",
                "CREATE TABLE " + LONG_NAME + " (id serial)",
                "CREATE UNLOGGED TABLE scratch (id serial)",
                "CREATE TABLE owned_elsewhere (id bigserial PRIMARY KEY)",
                "ALTER TABLE owned_elsewhere OWNER TO serial_owner",
                "COMMENT ON SEQUENCE owned_elsewhere_id_seq IS 'numbers of the owned table'",
                "GRANT USAGE ON SEQUENCE owned_elsewhere_id_seq TO serial_reader",
                "INSERT INTO \"Odd Schema\".\"Order Items\" (note) SELECT 'n' || g FROM generate_series(1, 30) g",
                "INSERT INTO stepped (v) VALUES (1), (2)",
                "INSERT INTO a_b DEFAULT VALUES",
                "INSERT INTO borrower (v) VALUES (1), (2)",
                "INSERT INTO owned_elsewhere DEFAULT VALUES");
        target.execute("postgres", "CREATE ROLE serial_owner", "CREATE ROLE serial_reader");
    }

    @Test
    void aDryRunDeclaresOnlyTheColumnsWhoseSequenceSerialRecreatesExactly() {
        Cli.Run run = Cli.run("copy", "--dry-run", "--source", Cli.conn(source, "serials"), "--target",
                Cli.conn(target, "never_created"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("    id serial,\n    big bigserial,\n    small smallserial,")
                .contains("CREATE TABLE public.a_b (\n    c serial\n)")
                .contains("CREATE SEQUENCE public.a_b_c_seq1")
                .contains("CREATE SEQUENCE public.stepped_id_seq")
                .contains("CREATE SEQUENCE public.renamed_ids")
                .contains("CREATE SEQUENCE public.nullable_id_seq")
                .contains("CREATE SEQUENCE public.scratch_id_seq")
                .contains("CREATE SEQUENCE public.a_table_name_long_enough")
                .contains("COMMENT ON SEQUENCE public.owned_elsewhere_id_seq IS 'numbers of the owned table'")
                .doesNotContain("CREATE SEQUENCE public.owned_elsewhere_id_seq");
    }

    @Test
    void theCopyHasTheSourcesSequencesLinksPositionsAndPrivileges() throws Exception {
        Cli.Run copy = Cli.run("copy", "-j", "2", "--source", Cli.conn(source, "serials"), "--target",
                Cli.conn(target, "serials"));
        assertThat(copy.exitCode()).as(copy.err()).isZero();

        DatabaseSnapshot.assertSameContent(source, "serials", target, "serials");
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "serials"), "--target",
                Cli.conn(target, "serials"));
        assertThat(verify.exitCode()).as(verify.out()).isZero();
        try (Connection t = target.connect("serials"); Statement st = t.createStatement()) {
            assertThat(single(st, "SELECT pg_get_serial_sequence('\"Odd Schema\".\"Order Items\"', 'small')"))
                    .isEqualTo("\"Odd Schema\".\"Order Items_small_seq\"");
            assertThat(single(st, "SELECT relowner::regrole FROM pg_class WHERE oid = 'owned_elsewhere_id_seq'::regclass"))
                    .isEqualTo("serial_owner");
            assertThat(single(st, "SELECT nextval('\"Odd Schema\".\"Order Items_id_seq\"')")).isEqualTo("31");
            assertThat(single(st, "SELECT nextval('a_b_c_seq')")).isEqualTo("4");
            // Dropping a table drops its serial columns' sequences, as on the source.
            st.execute("DROP TABLE a_b CASCADE");
            assertThat(single(st, "SELECT count(*) FROM pg_class WHERE relname = 'a_b_c_seq'")).isEqualTo("0");
        }
    }

    private static String single(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
