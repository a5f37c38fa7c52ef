package io.pgshift.order;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An inheritance child's column order, which CREATE TABLE ... INHERITS does not keep when the child was made on its
 * own and joined its parents later: such a child arrives in its own order, and a child whose order no statement can
 * give back is named by the copy and by verify, never passed over.
 */
class InheritedColumnOrderIT {
    @RegisterExtension
    static final PostgresServer source12 = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer server18 = PostgresServer.version("18");

    private static final String JOINED_LATER = """
            CREATE TABLE par (x int NOT NULL, y int, CONSTRAINT par_pos CHECK (x > 0));
            CREATE TABLE par2 (k text);
            CREATE TABLE chi (y int, z int, x int NOT NULL, k text, CONSTRAINT par_pos CHECK (x > 0));
            COMMENT ON CONSTRAINT par_pos ON chi IS 'the child''s own';
            ALTER TABLE chi INHERIT par;
            ALTER TABLE chi INHERIT par2;
            CREATE TABLE grandchild (g int, x int NOT NULL, y int, z int, k text, CONSTRAINT par_pos CHECK (x > 0));
            ALTER TABLE grandchild INHERIT chi;
            CREATE TABLE usual (w int) INHERITS (par);
            INSERT INTO chi VALUES (2, 3, 1, 'a');
            INSERT INTO grandchild VALUES (7, 1, 2, 3, 'b');
            INSERT INTO usual VALUES (1, 2, 3);
            """;

    @Test
    void aChildJoinedToItsParentsLaterKeepsItsColumnOrderFrom12() throws Exception {
        copiesInItsOwnOrder(source12, "joined12");
    }

    @Test
    void aChildJoinedToItsParentsLaterKeepsItsColumnOrderFrom18() throws Exception {
        copiesInItsOwnOrder(server18, "joined18");
    }

    @Test
    void aChildJoinedLaterWithItsOwnGeneratedColumnAndDefaultKeepsThemAndItsOrder() throws Exception {
        // As PostgreSQL 18's regression tests leave gtestxx_4: INHERIT needs the child's column generated alike.
        server18.createDatabase("generated");
        server18.execute("generated",
                "CREATE TABLE gparent (a int PRIMARY KEY, b int GENERATED ALWAYS AS (a * 2) STORED, c int DEFAULT 5)",
                "CREATE TABLE gchild (c int, b int GENERATED ALWAYS AS (a * 2) STORED, a int NOT NULL)",
                "ALTER TABLE gchild INHERIT gparent", "INSERT INTO gchild (c, a) VALUES (1, 2)");

        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(server18, "generated"), "--target",
                Cli.conn(server18, "generated_copy"));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        assertThat(layout(server18, "generated_copy")).isEqualTo(layout(server18, "generated"))
                .contains("gchild: c b a <- gparent");
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(server18, "generated"), "--target",
                Cli.conn(server18, "generated_copy"));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    void aChildWhoseParentGainedAColumnAfterItIsNamedByTheCopyAndByVerify() throws Exception {
        server18.createDatabase("gained");
        server18.execute("gained", "CREATE TABLE parq (a int)", "CREATE TABLE childq (b int) INHERITS (parq)",
                "ALTER TABLE parq ADD COLUMN c int", "INSERT INTO childq VALUES (1, 2, 3)");

        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(server18, "gained"), "--target",
                Cli.conn(server18, "gained_copy"));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        assertThat(copy.err()).contains("table public.childq arrives with its columns in the order a, c, b, not a, b, c");
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(server18, "gained"), "--target",
                Cli.conn(server18, "gained_copy"));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(10);
        assertThat(verify.out()).contains("TABLE public.childq").contains("(columns in this order: a, b, c)")
                .contains("(columns in this order: a, c, b)");
    }

    private static void copiesInItsOwnOrder(PostgresServer source, String db) throws Exception {
        source.createDatabase(db);
        source.execute(db, JOINED_LATER);

        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(source, db), "--target", Cli.conn(server18, db + "_copy"));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        assertThat(copy.err()).doesNotContain("arrives with its columns");
        assertThat(layout(server18, db + "_copy")).isEqualTo(layout(source, db))
                .contains("chi: y z x k <- par par2", "grandchild: g x y z k <- chi", "usual: x y w <- par");
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, db), "--target",
                Cli.conn(server18, db + "_copy"));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    /** Each table's columns in order, and its parents in order. */
    private static List<String> layout(PostgresServer server, String db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = server.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     SELECT c.relname || ': ' || (SELECT string_agg(a.attname, ' ' ORDER BY a.attnum)
                                                  FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attnum > 0
                                                    AND NOT a.attisdropped)
                            || ' <- ' || coalesce((SELECT string_agg(i.inhparent::regclass::text, ' '
                                                                     ORDER BY i.inhseqno)
                                                   FROM pg_inherits i WHERE i.inhrelid = c.oid), '')
                     FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'r'
                     ORDER BY c.relname""")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
