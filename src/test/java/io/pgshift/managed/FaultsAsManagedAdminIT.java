package io.pgshift.managed;

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
import io.pgshift.testkit.FaultProxy;
import io.pgshift.testkit.FaultProxy.Fault;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lost connection and a killed copy, as Azure's admin, who is not a superuser: the retry ends the old session's
 * server process (its own), and --resume finishes the copy, as they do for a superuser. The source's objects belong
 * to its superuser, which the managed target has no role for: the copy gives them to the admin (-O, -x).
 */
class FaultsAsManagedAdminIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final ManagedServer target = ManagedServer.of(ManagedServer.Provider.AZURE, "16");

    @TempDir
    static Path home;

    @BeforeAll
    static void bank() {
        source.createDatabase("bank");
        source.execute("bank", """
                CREATE TABLE branches (id serial PRIMARY KEY, name text);
                INSERT INTO branches (name) SELECT 'branch ' || g FROM generate_series(1, 10) g;
                CREATE TABLE accounts (id int PRIMARY KEY, branch int REFERENCES branches, balance bigint,
                                       filler char(80));
                INSERT INTO accounts SELECT g, 1 + g % 10, g, md5(g::text) FROM generate_series(1, 300000) g;
                """);
    }

    @Test
    void aTargetConnectionCutMidTableIsTakenUpAgainByTheAdmin() throws Exception {
        String host = target.server().host();
        int port = target.server().port();
        try (FaultProxy proxy = FaultProxy.to(host, port)) {
            proxy.arm(Fault.CUT, 6L << 20, 1);

            Cli.Run run = Cli.run("copy", "-j", "2", "--no-analyze", "-O", "-x", "--source", Cli.conn(source, "bank"), "--target",
                    proxy.through(target.adminConn("cut"), host, port));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(proxy.tripped()).isEqualTo(1);
            assertThat(run.err()).contains("public.accounts: lost the connection to the target");
        }
        assertVerified("cut");
    }

    @Test
    void aCopyKilledWhileItsRowsMoveIsFinishedByResumeAsTheAdmin() throws Exception {
        String[] copy = {"copy", "-j", "2", "--no-analyze", "-O", "-x", "--state-dir", home.resolve("state").toString(),
            "--source", Cli.conn(source, "bank"), "--target", target.adminConn("resumed")};
        Launcher.killWhen(FaultsAsManagedAdminIT::aCopyRuns, "its rows", home, home, copy);

        Cli.Run resumed = Cli.run(Cli.and(copy, "--resume"));

        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertVerified("resumed");
        try (var files = Files.list(home.resolve("state"))) {
            assertThat(files).isEmpty();
        }
    }

    private static boolean aCopyRuns() throws Exception {
        try (Connection c = target.connectAsSuperuser("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = "
                     + "'resumed' AND application_name = 'pgshift' AND query LIKE 'COPY%'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /**
     * The rows arrived once each: counts and sums of every table equal the source's. (verify would also report the
     * owners, which -O changed on purpose.)
     */
    private static void assertVerified(String db) throws Exception {
        String sql = "SELECT (SELECT count(*) || '/' || sum(id) || '/' || sum(balance) FROM public.accounts) || ' ' "
                + "|| (SELECT count(*) || '/' || sum(id) FROM public.branches)";
        try (Connection s = source.connect("bank"); Connection t = target.connectAsAdmin(db);
             Statement ss = s.createStatement(); Statement ts = t.createStatement();
             ResultSet sr = ss.executeQuery(sql); ResultSet tr = ts.executeQuery(sql)) {
            sr.next();
            tr.next();
            assertThat(tr.getString(1)).isEqualTo(sr.getString(1)).isEqualTo("300000/45000150000/45000150000 10/55");
        }
    }
}
