package io.pgshift.run;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PostgresServer;
import io.pgshift.testkit.Wait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM or Ctrl-C while a session waits on the server: the server would go on waiting (it does not notice that
 * its client is gone until it next talks to it), holding its place in the lock queue and its snapshot. pgshift
 * cancels what its sessions run, says what the interruption left behind, and exits 130.
 */
class InterruptIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @TempDir
    Path home;

    @Test
    void aTerminatedCopyCancelsTheStatementItsSessionWaitsInAndExits130() throws Exception {
        source.createDatabase("locked");
        source.execute("locked", "CREATE TABLE t AS SELECT g AS id FROM generate_series(1, 1000) g");
        try (Connection blocker = source.connect("locked")) {
            blocker.setAutoCommit(false);
            execute(blocker, "LOCK TABLE t IN ACCESS EXCLUSIVE MODE");

            Process copy = Launcher.start(home, Map.of(), home, "copy", "--source", Cli.conn(source, "locked"),
                    "--target", Cli.conn(target, "locked"));
            assertThat(Wait.until(() -> pgshiftSessionsWaitingForALock() > 0, 60))
                    .as("a pgshift session waits for the table's lock").isTrue();
            copy.destroy();

            assertThat(copy.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(copy.exitValue()).isEqualTo(130);
            assertThat(Files.readString(home.resolve("err"))).contains("pgshift: interrupted: ")
                    .contains("--clean");
            assertThat(Wait.until(() -> pgshiftSessionsWaitingForALock() == 0, 5))
                    .as("no pgshift session waits any more while the lock is still held").isTrue();
            blocker.rollback();
        }
    }

    private static long pgshiftSessionsWaitingForALock() throws Exception {
        try (Connection c = source.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity "
                     + "WHERE application_name = 'pgshift' AND wait_event_type = 'Lock'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
