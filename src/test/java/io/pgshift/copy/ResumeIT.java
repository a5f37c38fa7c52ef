package io.pgshift.copy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy killed with kill -9 while its rows move, then the same command with --resume: what was done stays, the
 * rest is done, and the target equals the source, with no table loaded twice.
 */
class ResumeIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @TempDir
    static Path home;

    @BeforeAll
    static void aShop() {
        source.createDatabase("resumable");
        source.execute("resumable", """
                CREATE TABLE branches (id serial PRIMARY KEY, name text UNIQUE);
                INSERT INTO branches (name) SELECT 'branch ' || g FROM generate_series(1, 50) g;
                CREATE TABLE accounts (id int PRIMARY KEY, branch int REFERENCES branches, balance bigint,
                                       filler char(80));
                INSERT INTO accounts SELECT g, 1 + g % 50, g, md5(g::text) FROM generate_series(1, 400000) g;
                CREATE INDEX accounts_balance ON accounts (balance);
                CREATE TABLE history (id bigserial PRIMARY KEY, account int REFERENCES accounts, delta int);
                INSERT INTO history (account, delta) SELECT 1 + g % 400000, g % 7 FROM generate_series(1, 200000) g;
                """);
    }

    @Test
    void aCopyKilledWhileItsRowsMoveIsFinishedByResumeWithNothingLostOrLoadedTwice() throws Exception {
        Path state = home.resolve("state");
        String[] copy = {"copy", "-j", "2", "--no-analyze", "--state-dir", state.toString(), "--source",
            Cli.conn(source, "resumable"), "--target", Cli.conn(target, "resumed")};
        Launcher.killWhen(ResumeIT::aCopyRuns, "the data phase", home, home, copy);
        try (var files = Files.list(state)) {
            assertThat(files).as("the resume log").hasSize(1);
        }

        Cli.Run again = Cli.run(copy);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(7);
        assertThat(again.err()).contains("run the same command with --resume");

        Cli.Run resumed = Cli.run(Cli.and(copy, "--resume"));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "resumable"), "--target",
                Cli.conn(target, "resumed"));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        try (var files = Files.list(state)) {
            assertThat(files).as("the resume log is gone once the copy succeeded").isEmpty();
        }
    }

    @Test
    void resumeWithoutAnInterruptedCopyIsAUsageError() {
        Cli.Run run = Cli.run("copy", "--resume", "--state-dir", home.resolve("empty").toString(), "--source",
                Cli.conn(source, "resumable"), "--target", Cli.conn(target, "never_started"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("there is no interrupted copy");
    }

    /** Whether the copy's rows are moving: a COPY of pgshift's runs on the target. */
    private static boolean aCopyRuns() throws Exception {
        try (Connection c = target.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = "
                     + "'resumed' AND application_name = 'pgshift' AND query LIKE 'COPY%'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
