package io.pgshift.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12, point 4: keys of one shape (the same columns and INCLUDE) all arrive, though CREATE TABLE would merge
 * them into one, keeping the primary key or else the first.
 */
class TwinUniqueConstraintsIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @Test
    void keysOfTheSameShapeAllArriveAndTheVerificationAgrees() throws Exception {
        source.createDatabase("twins");
        // CREATE TABLE would merge two keys of one shape into one: the source gets its twin by ALTER TABLE.
        source.execute("twins", "CREATE TABLE t (a integer, b integer, c integer, "
                        + "CONSTRAINT t_a_inc_b UNIQUE (a) INCLUDE (b), CONSTRAINT t_a_inc_c UNIQUE (a) INCLUDE (c))",
                "ALTER TABLE t ADD CONSTRAINT t_a_inc_b2 UNIQUE (a) INCLUDE (b)",
                "ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY (a)", "ALTER TABLE t ADD CONSTRAINT t_a UNIQUE (a)");

        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "twins"), "--target", Cli.conn(target, "twins"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        try (Connection t = target.connect("twins"); Statement st = t.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(conname, ',' ORDER BY conname) FROM pg_constraint "
                     + "WHERE conrelid = 't'::regclass")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("t_a,t_a_inc_b,t_a_inc_b2,t_a_inc_c,t_pk");
        }
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "twins"), "--target", Cli.conn(target, "twins"));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }
}
