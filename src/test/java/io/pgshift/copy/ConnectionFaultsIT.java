package io.pgshift.copy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.FaultProxy;
import io.pgshift.testkit.FaultProxy.Fault;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy whose connections are cut or frozen in the middle of a table, through a TCP proxy in front of one server.
 * The table is loaded again on new connections and nothing is lost or loaded twice; only when the retries are
 * spent does the copy fail, naming the server.
 */
class ConnectionFaultsIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    /** Well past the catalog's bytes, well before the accounts' end (about 25 MB as COPY text). */
    private static final long MID_TABLE = 6L << 20;

    @BeforeAll
    static void bank() {
        source.createDatabase("bank");
        source.execute("bank", """
                CREATE TABLE branches (id int PRIMARY KEY, name text);
                INSERT INTO branches SELECT g, 'branch ' || g FROM generate_series(1, 10) g;
                CREATE TABLE accounts (id int PRIMARY KEY, branch int REFERENCES branches, balance bigint,
                                       filler char(60));
                INSERT INTO accounts SELECT g, 1 + g % 10, g * 7, md5(g::text) FROM generate_series(1, 300000) g;
                """);
    }

    @Test
    void aTargetConnectionCutMidTableIsTakenUpAgainAndTheCopyIsExact() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(target)) {
            proxy.arm(Fault.CUT, MID_TABLE, 1);

            Cli.Run run = copy(Cli.conn(source, "bank"), proxy.conn(target, "cut_target"));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(proxy.tripped()).isEqualTo(1);
            assertThat(run.err()).contains("public.accounts: lost the connection to the target")
                    .contains("trying again in 1 s on new connections (attempt 2 of 6)");
        }
        assertVerified("cut_target");
    }

    @Test
    void aSourceConnectionCutMidTableIsTakenUpAgainInTheSameSnapshot() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(source)) {
            proxy.arm(Fault.CUT, MID_TABLE, 1);

            Cli.Run run = copy(proxy.conn(source, "bank"), Cli.conn(target, "cut_source"));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(proxy.tripped()).isEqualTo(1);
            assertThat(run.err()).contains("public.accounts: lost the connection to the source");
        }
        assertVerified("cut_source");
    }

    @Test
    void aRangeOfASplitTableIsTakenUpAgainWithoutTouchingTheOtherRanges() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(target)) {
            proxy.arm(Fault.CUT, 3L << 20, 1);

            Cli.Run run = copy(Cli.conn(source, "bank"), proxy.conn(target, "cut_range"),
                    "--split-tables-larger-than", "4MB", "--split-max-parts", "3");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(proxy.tripped()).isEqualTo(1);
            assertThat(run.err()).contains("lost the connection to the target");
        }
        assertVerified("cut_range");
    }

    @Test
    void aStreamThatStandsStillIsDroppedAfterTheStallTimeoutAndLoadedAgain() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(target)) {
            proxy.arm(Fault.STALL, MID_TABLE, 1);
            long start = System.nanoTime();

            Cli.Run run = copy(Cli.conn(source, "bank"), proxy.conn(target, "stalled"), "--stall-timeout", "2");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.err()).contains("public.accounts: its stream moved no byte for 2 s (--stall-timeout)");
            assertThat((System.nanoTime() - start) / 1_000_000_000).isLessThan(60);
        }
        assertVerified("stalled");
    }

    @Test
    void withNoRetriesALostConnectionFailsTheCopyNamingTheTargetWithExit9() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(target)) {
            proxy.arm(Fault.CUT, MID_TABLE, 1);

            Cli.Run run = copy(Cli.conn(source, "bank"), proxy.conn(target, "no_retries"), "--retries", "0");

            assertThat(run.exitCode()).isEqualTo(9);
            assertThat(run.err()).contains("could not copy data of public.accounts: lost the connection to the target")
                    .contains("--retries is 0");
        }
    }

    @Test
    void aSourceLostOnEveryAttemptFailsWithTheSourcesExitCode14() throws Exception {
        try (FaultProxy proxy = FaultProxy.to(source)) {
            proxy.arm(Fault.CUT, MID_TABLE, 3);

            Cli.Run run = copy(proxy.conn(source, "bank"), Cli.conn(target, "source_gone"), "--retries", "2");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(14);
            assertThat(run.err()).contains("lost the connection to the source").contains("on all 3 attempts");
        }
    }

    @Test
    void aDirectoryDumpThatLosesItsSourceFailsWithTheSourcesExitCode14NamingIt(@TempDir Path dumps) throws Exception {
        try (FaultProxy proxy = FaultProxy.to(source)) {
            proxy.arm(Fault.CUT, MID_TABLE, 1);

            Cli.Run run = Cli.run("dump", "-F", "directory", "-j", "2", "--source", proxy.conn(source, "bank"), "-f",
                    dumps.resolve("bank.dir").toString());

            assertThat(run.exitCode()).as(run.err()).isEqualTo(14);
            assertThat(run.err()).contains("from the source");
        }
    }

    @Test
    void aRestoreFromADirectoryTakesATableUpAgainAfterALostTargetConnection(@TempDir Path dumps) throws Exception {
        Path dump = dumps.resolve("bank.dump");
        Cli.Run dumped = Cli.run("dump", "--source", Cli.conn(source, "bank"), "-F", "directory", "-j", "2", "-f",
                dump.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        try (FaultProxy proxy = FaultProxy.to(target)) {
            proxy.arm(Fault.CUT, MID_TABLE, 1);

            Cli.Run run = Cli.run("restore", "-j", "2", "--target", proxy.conn(target, "restore_cut"),
                    dump.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(proxy.tripped()).isEqualTo(1);
            assertThat(run.err()).contains("public.accounts: lost the connection to the target");
        }
        assertVerified("restore_cut");
    }

    @Test
    void aPlainScriptOnStandardOutputWhoseSourceIsLostMidTableStopsPsqlInsteadOfLoadingPartOfTheRows()
            throws Exception {
        target.createDatabase("plain_cut");
        try (FaultProxy proxy = FaultProxy.to(source)) {
            proxy.arm(Fault.CUT, MID_TABLE, 1);
            String dump = Path.of(System.getProperty("java.home"), "bin", "java") + " -jar " + Launcher.jar()
                    + " dump -F plain -f - --source \"" + proxy.conn(source, "bank") + "\"";
            String psql = "/usr/lib/postgresql/15/bin/psql -X -q -v ON_ERROR_STOP=1 -h " + target.host() + " -p "
                    + target.port() + " -U " + target.superuser() + " -d plain_cut";
            ProcessBuilder pipe = new ProcessBuilder("bash", "-c", dump + " 2>/dev/null | " + psql
                    + " >/dev/null 2>&1; echo \"${PIPESTATUS[@]}\"");
            pipe.environment().keySet().removeIf(k -> k.startsWith("PG"));
            pipe.environment().put("PGPASSWORD", target.password());
            Process p = pipe.start();
            String statuses = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();

            assertThat(proxy.tripped()).isEqualTo(1);
            assertThat(statuses).as("pgshift's and psql's exit codes").isEqualTo("14 3");
        }
        try (Connection t = target.connect("plain_cut"); Statement st = t.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM public.accounts")) {
            rs.next();
            assertThat(rs.getLong(1)).as("rows of the table whose COPY was cut").isZero();
        }
    }

    private static Cli.Run copy(String from, String to, String... more) {
        List<String> args = new ArrayList<>(List.of("copy", "--source", from, "--target", to, "-j", "2",
                "--no-analyze"));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static void assertVerified(String db) {
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "bank"), "--target", Cli.conn(target, db));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }
}
