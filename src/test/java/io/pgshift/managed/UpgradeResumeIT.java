package io.pgshift.managed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.ManagedServer.Provider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A whole upgrade, as the RDS admin on both ends, killed with kill -9 while it copies its second database: a rerun
 * says how to go on, and the same command with --resume leaves the first database as it was copied, finishes the
 * second from its copy's log, copies the third, and verifies all three.
 */
class UpgradeResumeIT {
    @RegisterExtension
    static final ManagedServer source = ManagedServer.of(Provider.RDS, "12");
    @RegisterExtension
    static final ManagedServer target = ManagedServer.of(Provider.RDS, "17");

    @TempDir
    static Path home;

    @BeforeAll
    static void threeDatabasesOfDecreasingSize() {
        source.executeAsAdmin("postgres", "CREATE DATABASE alpha", "CREATE DATABASE beta", "CREATE DATABASE gamma");
        source.executeAsAdmin("alpha",
                "CREATE TABLE ledger (id int PRIMARY KEY, amount bigint, memo char(80))",
                "INSERT INTO ledger SELECT g, g * 3, md5(g::text) FROM generate_series(1, 500000) g");
        source.executeAsAdmin("beta",
                "CREATE TABLE events (id int PRIMARY KEY, kind text, payload char(80))",
                "INSERT INTO events SELECT g, 'kind ' || g % 9, md5(g::text) FROM generate_series(1, 400000) g",
                "CREATE INDEX events_kind ON events (kind)");
        source.executeAsAdmin("gamma",
                "CREATE TABLE notes (id serial PRIMARY KEY, body text)",
                "INSERT INTO notes (body) SELECT 'note ' || g FROM generate_series(1, 100) g");
    }

    @Test
    void anUpgradeKilledInItsSecondDatabaseIsFinishedByResumeWithEveryDatabaseVerified() throws Exception {
        Path state = home.resolve("state");
        Path report = home.resolve("report.json");
        String[] upgrade = {"upgrade", "--jobs", "1", "--no-analyze", "--state-dir", state.toString(), "--report",
            report.toString(), "--source", source.adminConn("postgres"), "--target", target.adminConn("postgres")};
        Launcher.killWhen(() -> copyRunsIn("beta"), "the copy of its second database", home, home, upgrade);
        try (var files = Files.list(state)) {
            assertThat(files).as("the upgrade's log and the second database's copy log").hasSize(2);
        }

        Cli.Run again = Cli.run(upgrade);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(7);
        assertThat(again.err()).contains("run the same command with --resume");

        Cli.Run resumed = Cli.run(Cli.and(upgrade, "--resume"));

        assertThat(resumed.exitCode()).as(resumed.out() + resumed.err()).isZero();
        assertThat(resumed.out()).contains("alpha").contains("copied whole before the interruption");
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertThat(codes(json, "alpha")).contains("PGS-COPIED-BEFORE");
        assertThat(codes(json, "beta")).doesNotContain("PGS-COPIED-BEFORE");
        assertThat(json.path("steps").toString()).contains("VERIFY");
        for (String db : List.of("alpha", "beta", "gamma")) {
            Cli.Run verify = Cli.run("verify", "--source", source.adminConn(db), "--target", target.adminConn(db));
            assertThat(verify.exitCode()).as(db + ": " + verify.out() + verify.err()).isZero();
        }
        try (var files = Files.list(state)) {
            assertThat(files).as("the logs are gone once the upgrade succeeded").isEmpty();
        }
    }

    @Test
    void resumeWithoutAnInterruptedUpgradeIsAUsageError() {
        Cli.Run run = Cli.run("upgrade", "--resume", "--state-dir", home.resolve("nothing").toString(), "--source",
                source.adminConn("postgres"), "--target", target.adminConn("postgres"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("there is no interrupted upgrade");
    }

    @Test
    void resumeAndCleanTogetherAreAUsageError() {
        Cli.Run run = Cli.run("upgrade", "--resume", "--clean", "--source", source.adminConn("postgres"), "--target",
                target.adminConn("postgres"));

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--resume goes on with an interrupted upgrade, --clean starts over");
    }

    private static List<String> codes(JsonNode report, String database) {
        List<String> codes = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if (database.equals(f.path("database").asText())) {
                codes.add(f.path("code").asText());
            }
        });
        return codes;
    }

    private static boolean copyRunsIn(String db) throws Exception {
        try (Connection c = target.connectAsSuperuser("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = '"
                     + db + "' AND application_name = 'pgshift' AND query LIKE 'COPY%'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
