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
 * PostgreSQL 18's NOT NULL constraints, which have names, comments and a validity of their own: a parent's added
 * NOT VALID reaches its children only with the ALTER TABLE that adds it, after the rows, and a child may have
 * validated its copy while the parent has not (as PostgreSQL 18's own regression tests leave them).
 */
class NotNullConstraintsIT {
    @RegisterExtension
    static final PostgresServer server = PostgresServer.version("18");

    @Test
    void aParentsNotValidNotNullReachesItsChildValidatedAndCommentedAsOnTheSource() throws Exception {
        server.createDatabase("nn");
        server.execute("nn", "CREATE TABLE parent (a int)", "CREATE TABLE child () INHERITS (parent)",
                "INSERT INTO child VALUES (1)",
                "ALTER TABLE parent ADD NOT NULL a NOT VALID",
                "ALTER TABLE child VALIDATE CONSTRAINT parent_a_not_null",
                "COMMENT ON CONSTRAINT parent_a_not_null ON parent IS 'not valid here'",
                "COMMENT ON CONSTRAINT parent_a_not_null ON child IS 'valid here'");

        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(server, "nn"), "--target", Cli.conn(server, "nn_copy"));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        assertThat(constraints("nn_copy")).isEqualTo(constraints("nn"))
                .contains("child parent_a_not_null valid=true local=false valid here");
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(server, "nn"), "--target", Cli.conn(server, "nn_copy"));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    private static List<String> constraints(String db) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = server.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT conrelid::regclass, conname, convalidated, conislocal,"
                     + " coalesce(obj_description(oid, 'pg_constraint'), '') FROM pg_constraint WHERE contype = 'n'"
                     + " ORDER BY 1::text, 2")) {
            while (rs.next()) {
                out.add(rs.getString(1) + " " + rs.getString(2) + " valid=" + rs.getBoolean(3) + " local="
                        + rs.getBoolean(4) + " " + rs.getString(5));
            }
        }
        return out;
    }
}
