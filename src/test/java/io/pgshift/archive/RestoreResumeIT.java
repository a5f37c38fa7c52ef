package io.pgshift.archive;

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
import io.pgshift.testkit.Wait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restore from a dump directory killed with kill -9, once while its rows move and once while it builds an index,
 * then the same command with --resume: what was done stays, the rest is done, and the target equals the source,
 * every row once. The accounts were dumped in three range files, which a resume loads again whole.
 */
class RestoreResumeIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @TempDir
    static Path home;
    static Path dump;

    @BeforeAll
    static void aShopDumpedInRanges() {
        source.createDatabase("shop");
        source.execute("shop", """
                CREATE TABLE branches (id serial PRIMARY KEY, name text UNIQUE);
                INSERT INTO branches (name) SELECT 'branch ' || g FROM generate_series(1, 50) g;
                CREATE TABLE accounts (id int PRIMARY KEY, branch int REFERENCES branches, balance bigint,
                                       filler char(80));
                INSERT INTO accounts SELECT g, 1 + g % 50, g, md5(g::text) FROM generate_series(1, 400000) g;
                CREATE INDEX accounts_balance ON accounts (balance);
                CREATE TABLE history (id bigserial PRIMARY KEY, account int REFERENCES accounts, delta int);
                INSERT INTO history (account, delta) SELECT 1 + g % 400000, g % 7 FROM generate_series(1, 200000) g;
                CREATE FUNCTION slow_key(i int) RETURNS int LANGUAGE plpgsql IMMUTABLE
                    AS $$ BEGIN PERFORM pg_catalog.pg_sleep(0.001); RETURN i; END $$;
                CREATE TABLE slow (id int);
                INSERT INTO slow SELECT generate_series(1, 1500);
                CREATE INDEX slow_built_slowly ON slow (slow_key(id));
                """);
        dump = home.resolve("shop.dump");
        Cli.Run dumped = Cli.run("dump", "-F", "directory", "-j", "2", "--split-tables-larger-than", "4MB",
                "--split-max-parts", "3", "--source", Cli.conn(source, "shop"), "-f", dump.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
    }

    @Test
    void aRestoreKilledWhileItsRowsMoveIsFinishedByResumeWithEveryRowOnce() throws Exception {
        String[] restore = restore("killed_in_data", "data");
        kill(restore, () -> running("killed_in_data", "COPY%"));

        Cli.Run again = Cli.run(restore);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(7);
        assertThat(again.err()).contains("interrupted restore").contains("--resume");

        assertResumedExactly(restore, "killed_in_data");
    }

    @Test
    void aRestoreKilledWhileItBuildsAnIndexIsFinishedByResumeWithEveryRowOnce() throws Exception {
        String[] restore = restore("killed_in_index", "index");
        kill(restore, () -> running("killed_in_index", "CREATE INDEX slow_built_slowly%"));

        assertResumedExactly(restore, "killed_in_index");
    }

    @Test
    void aRestoreOfAnArchiveFileKilledWhileItsRowsMoveIsFinishedByResume() throws Exception {
        Path archive = home.resolve("shop.archive");
        Cli.Run dumped = Cli.run("dump", "-F", "archive", "--source", Cli.conn(source, "shop"), "-f",
                archive.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        String[] restore = {"restore", "-j", "2", "--state-dir", home.resolve("archive").toString(), "--target",
            Cli.conn(target, "archive_killed"), archive.toString()};
        kill(restore, () -> running("archive_killed", "COPY%"));

        assertResumedExactly(restore, "archive_killed");
    }

    @Test
    void resumeWithoutAnInterruptedRestoreIsAUsageError() {
        Cli.Run run = Cli.run("restore", "--resume", "--state-dir", home.resolve("none").toString(), "--target",
                Cli.conn(target, "never_restored"), dump.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("there is no interrupted restore");
    }

    private static String[] restore(String db, String state) {
        return new String[] {"restore", "-j", "2", "--state-dir", home.resolve(state).toString(), "--target",
            Cli.conn(target, db), dump.toString()};
    }

    /** Starts the restore as a child process and kills it with kill -9 once the condition holds. */
    private static void kill(String[] restore, Wait.Condition when) throws Exception {
        Launcher.killWhen(when, "the moment to kill it", home, Files.createTempDirectory(home, "child"), restore);
    }

    private static void assertResumedExactly(String[] restore, String db) throws Exception {
        Cli.Run resumed = Cli.run(Cli.and(restore, "--resume"));
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();

        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "shop"), "--target", Cli.conn(target, db));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        try (var files = Files.list(Path.of(restore[4]))) {
            assertThat(files).as("the resume log is gone once the restore succeeded").isEmpty();
        }
    }

    /** Whether a statement of pgshift's like the pattern runs on the target database. */
    private static boolean running(String db, String pattern) throws Exception {
        try (Connection c = target.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = '"
                     + db + "' AND application_name = 'pgshift' AND query LIKE '" + pattern + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
