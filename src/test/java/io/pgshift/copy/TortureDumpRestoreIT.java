package io.pgshift.copy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The torture fixtures of types and routines dumped from PostgreSQL 12 and restored into 15 through each of
 * the three formats: a plain script replayed by psql 15 with ON_ERROR_STOP, an archive through a pipe, and a
 * directory with two jobs each way. pg_dump 15 must read the same schema on both sides, and every table must
 * hold the same rows.
 */
class TortureDumpRestoreIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @TempDir
    static Path temp;
    static Path pgpass;

    @BeforeAll
    static void loadTheFixtures() throws Exception {
        TypesFixture.createRoles(source, target);
        TypesFixture.load(source);
        RoutineFixtures.createSource(source, target);
        pgpass = temp.resolve("pgpass");
        Files.writeString(pgpass, line(source) + line(target));
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void theTypesFixtureSurvivesAPlainScriptReplayedByPsql() throws Exception {
        plain(TypesFixture.DB);
    }

    @Test
    void theTypesFixtureSurvivesAnArchiveThroughAPipe() throws Exception {
        archiveThroughAPipe(TypesFixture.DB);
    }

    @Test
    void theTypesFixtureSurvivesAParallelDirectoryDumpAndRestore() throws Exception {
        directory(TypesFixture.DB);
    }

    @Test
    void theRoutinesFixtureSurvivesAPlainScriptReplayedByPsql() throws Exception {
        plain(RoutineFixtures.DB);
    }

    @Test
    void theRoutinesFixtureSurvivesAnArchiveThroughAPipe() throws Exception {
        archiveThroughAPipe(RoutineFixtures.DB);
    }

    @Test
    void theRoutinesFixtureSurvivesAParallelDirectoryDumpAndRestore() throws Exception {
        directory(RoutineFixtures.DB);
    }

    private static void plain(String db) throws Exception {
        Path script = temp.resolve(db + ".sql");
        Cli.Run dumped = Cli.run("dump", "-F", "plain", "--source", Cli.conn(source, db), "-f", script.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        String restored = db + "_plain";
        target.createDatabase(restored);

        ProcessBuilder psql = new ProcessBuilder("/usr/lib/postgresql/15/bin/psql", "-X", "-q", "-v",
                "ON_ERROR_STOP=1", "-h", target.host(), "-p", String.valueOf(target.port()), "-U", target.superuser(),
                "-d", restored, "-f", script.toString());
        assertThat(run(psql)).doesNotContain("ERROR");
        assertSame(db, restored);
    }

    private static void archiveThroughAPipe(String db) throws Exception {
        String restored = db + "_archive";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Launcher.jar().toString();
        String pipe = java + " -jar " + jar + " dump -F archive -f - --source '" + conn(source, db) + "' | " + java
                + " -jar " + jar + " restore --target '" + conn(target, restored) + "' -";
        run(new ProcessBuilder("bash", "-o", "pipefail", "-c", pipe));
        assertSame(db, restored);
    }

    private static void directory(String db) throws Exception {
        String restored = db + "_directory";
        Path dump = temp.resolve(db + ".dir");
        Cli.Run dumped = Cli.run("dump", "-F", "directory", "-j", "2", "--source", Cli.conn(source, db), "-f",
                dump.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        Cli.Run run = Cli.run("restore", "-j", "2", "--target", Cli.conn(target, restored), dump.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertSame(db, restored);
    }

    /** Runs a client process with the password file and no other PG settings; returns its output. */
    private static String run(ProcessBuilder pb) throws Exception {
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("PGPASSFILE", pgpass.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        return output;
    }

    private static void assertSame(String db, String restored) throws Exception {
        String expected = PgDumpOracle.schema(source, db);
        String actual = PgDumpOracle.schema(target, restored);
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        DatabaseSnapshot.assertSameContent(source, db, target, restored);
    }

    private static String conn(PostgresServer server, String db) {
        return "host=" + server.host() + " port=" + server.port() + " user=" + server.superuser() + " dbname=" + db
                + " sslmode=disable";
    }

    private static String line(PostgresServer server) {
        return server.host() + ":" + server.port() + ":*:" + server.superuser() + ":" + server.password() + "\n";
    }
}
