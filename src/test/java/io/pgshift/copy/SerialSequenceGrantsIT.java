package io.pgshift.copy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #12, point 7: a serial column's sequence keeps the privileges the source gave it. */
class SerialSequenceGrantsIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void roles() {
        source.execute("postgres", "CREATE ROLE seq_app");
        target.execute("postgres", "CREATE ROLE seq_app");
    }

    @Test
    void aSerialColumnsSequenceArrivesWithItsGrantsAndVerifyWouldSeeThemMissing() throws Exception {
        source.createDatabase("seqs");
        source.execute("seqs", "CREATE TABLE orders (id serial PRIMARY KEY, note text)",
                "GRANT USAGE ON SEQUENCE orders_id_seq TO seq_app", "GRANT INSERT ON orders TO seq_app",
                "INSERT INTO orders (note) VALUES ('a'), ('b')");

        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "seqs"), "--target", Cli.conn(target, "seqs"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        try (Connection t = target.connect("seqs"); Statement st = t.createStatement();
             ResultSet rs = st.executeQuery("SELECT relacl::text FROM pg_class WHERE relname = 'orders_id_seq'")) {
            rs.next();
            assertThat(rs.getString(1)).contains("seq_app=U/");
        }
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "seqs"), "--target", Cli.conn(target, "seqs"));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        target.execute("seqs", "REVOKE USAGE ON SEQUENCE orders_id_seq FROM seq_app");
        Cli.Run differs = Cli.run("verify", "--source", Cli.conn(source, "seqs"), "--target", Cli.conn(target, "seqs"));
        assertThat(differs.exitCode()).as(differs.out() + differs.err()).isEqualTo(10);
    }

    @Test
    void aDumpRestoredKeepsTheSequencesGrantsToo(@TempDir Path dir) throws Exception {
        source.createDatabase("seqs_dumped");
        source.execute("seqs_dumped", "CREATE TABLE orders (id serial PRIMARY KEY, note text)",
                "GRANT USAGE ON SEQUENCE orders_id_seq TO seq_app");
        Path dump = dir.resolve("seqs.dump");
        assertThat(Cli.run("dump", "-F", "directory", "-f", dump.toString(), "--source",
                Cli.conn(source, "seqs_dumped")).exitCode()).isZero();

        Cli.Run run = Cli.run("restore", "--target", Cli.conn(target, "seqs_dumped"), dump.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        try (Connection t = target.connect("seqs_dumped"); Statement st = t.createStatement();
             ResultSet rs = st.executeQuery("SELECT relacl::text FROM pg_class WHERE relname = 'orders_id_seq'")) {
            rs.next();
            assertThat(rs.getString(1)).contains("seq_app=U/");
        }
    }
}
