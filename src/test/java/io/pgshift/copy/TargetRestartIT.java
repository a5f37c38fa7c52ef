package io.pgshift.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;
import io.pgshift.testkit.Wait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The target server restarts (a fast stop, a few seconds down, a start) while a copy moves rows or builds an index:
 * the copy waits for it within its retries, takes the work up again on new sessions, and ends with every row once.
 */
class TargetRestartIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void aBank() {
        source.createDatabase("bank");
        source.execute("bank", """
                CREATE TABLE branches (id int PRIMARY KEY, name text);
                INSERT INTO branches SELECT g, 'branch ' || g FROM generate_series(1, 10) g;
                CREATE TABLE accounts (id int PRIMARY KEY, branch int REFERENCES branches, balance bigint,
                                       filler char(60));
                INSERT INTO accounts SELECT g, 1 + g % 10, g * 7, md5(g::text) FROM generate_series(1, 300000) g;
                CREATE FUNCTION slow_key(i int) RETURNS int LANGUAGE plpgsql IMMUTABLE
                    AS $$ BEGIN PERFORM pg_catalog.pg_sleep(0.001); RETURN i; END $$;
                CREATE TABLE slow (id int, filler char(1000));
                INSERT INTO slow SELECT g, 'x' FROM generate_series(1, 1500) g;
                CREATE INDEX slow_built_slowly ON slow (slow_key(id));
                """);
    }

    @Test
    void aTargetThatRestartsWhileRowsMoveIsWaitedForAndTheCopyIsExact() throws Exception {
        copyThroughARestart("restarted_in_data", "COPY%");
    }

    @Test
    void aTargetThatRestartsWhileAnIndexIsBuiltIsWaitedForAndTheCopyIsExact() throws Exception {
        copyThroughARestart("restarted_in_index", "CREATE INDEX slow_built_slowly%");
    }

    @Test
    void aTargetThatCrashesWhileRowsMoveEndsWithAnExactCopyOrAFailureNamingTheRowsItLost() throws Exception {
        String db = "crashed_in_data";
        CompletableFuture<Cli.Run> copy = CompletableFuture.supplyAsync(() -> Cli.run("copy", "-j", "2",
                "--no-analyze", "--source", Cli.conn(source, "bank"), "--target", Cli.conn(target, db)));
        assertThat(Wait.until(() -> running(db, "COPY%"), 120)).as("the copy moves rows").isTrue();
        target.crashAndRestart(Duration.ofSeconds(1));

        Cli.Run run = copy.get(3, TimeUnit.MINUTES);

        // Commits that had not reached the WAL on disk are gone after the crash; the copy may have lost none.
        if (run.exitCode() != 0) {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(9);
            assertThat(run.err()).contains("the target restarted during the run and lost the rows of");
            return;
        }
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "bank"), "--target", Cli.conn(target, db));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    private static void copyThroughARestart(String db, String pattern) throws Exception {
        CompletableFuture<Cli.Run> copy = CompletableFuture.supplyAsync(() -> Cli.run("copy", "-j", "2",
                "--no-analyze", "--source", Cli.conn(source, "bank"), "--target", Cli.conn(target, db)));
        assertThat(Wait.until(() -> running(db, pattern), 120)).as("the copy reaches the moment to restart").isTrue();
        target.restart(Duration.ofSeconds(3));

        Cli.Run run = copy.get(3, TimeUnit.MINUTES);

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("the target");
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "bank"), "--target", Cli.conn(target, db));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    private static boolean running(String db, String pattern) throws Exception {
        try (Connection c = target.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = '"
                     + db + "' AND application_name = 'pgshift' AND query LIKE '" + pattern + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
