package io.pgshift.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database dumped from one server and restored into another through each of pgshift's three formats, as a
 * user would run them: a plain script replayed by psql 15 with ON_ERROR_STOP, an archive piped from one
 * pgshift process into another, a directory with two jobs each way. Each check then asks pg_dump 15 whether
 * both schemas read the same and compares every table's rows.
 */
public final class DumpRoundTrip {
    private static final String PSQL = "/usr/lib/postgresql/15/bin/psql";

    private final PostgresServer source;
    private final PostgresServer target;
    private final Path work;
    private final Path pgpass;

    /** Client processes find both servers' passwords in a password file in {@code work}. */
    public DumpRoundTrip(PostgresServer source, PostgresServer target, Path work) throws IOException {
        this.source = source;
        this.target = target;
        this.work = work;
        this.pgpass = work.resolve("round-trip.pgpass");
        Files.writeString(pgpass, passwordLine(source) + passwordLine(target));
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
    }

    /** {@code dump -F plain}, then psql -v ON_ERROR_STOP=1 into {@code db_plain}. */
    public void plain(String db) throws Exception {
        Path script = work.resolve(db + ".sql");
        Cli.Run dumped = Cli.run("dump", "-F", "plain", "--source", Cli.conn(source, db), "-f", script.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        String restored = db + "_plain";
        target.createDatabase(restored);
        String output = run(new ProcessBuilder(PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", target.host(), "-p",
                String.valueOf(target.port()), "-U", target.superuser(), "-d", restored, "-f", script.toString()));
        assertThat(output).doesNotContain("ERROR");
        assertSame(db, restored);
    }

    /** {@code dump -F archive -f - | restore -} into {@code db_archive}, two JVMs joined by a pipe. */
    public void archiveThroughAPipe(String db) throws Exception {
        String restored = db + "_archive";
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = Launcher.jar().toString();
        String pipe = java + " -jar " + jar + " dump -F archive -f - --source '" + conn(source, db) + "' | " + java
                + " -jar " + jar + " restore --target '" + conn(target, restored) + "' -";
        run(new ProcessBuilder("bash", "-o", "pipefail", "-c", pipe));
        assertSame(db, restored);
    }

    /** {@code dump -F directory -j 2}, then {@code restore -j 2} into {@code db_directory}. */
    public void directory(String db) throws Exception {
        String restored = db + "_directory";
        Path dump = work.resolve(db + ".dir");
        Cli.Run dumped = Cli.run("dump", "-F", "directory", "-j", "2", "--source", Cli.conn(source, db), "-f",
                dump.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        Cli.Run run = Cli.run("restore", "-j", "2", "--target", Cli.conn(target, restored), dump.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertSame(db, restored);
    }

    /** Runs a client process with the password file and no other PG settings; returns its output. */
    private String run(ProcessBuilder pb) throws Exception {
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("PGPASSFILE", pgpass.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
        return output;
    }

    private void assertSame(String db, String restored) throws Exception {
        String expected = PgDumpOracle.schema(source, db);
        String actual = PgDumpOracle.schema(target, restored);
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        DatabaseSnapshot.assertSameContent(source, db, target, restored);
    }

    /** A libpq connection string; single quotes around it keep bash from splitting it. */
    private static String conn(PostgresServer server, String db) {
        return "host=" + server.host() + " port=" + server.port() + " user=" + server.superuser() + " dbname=" + db
                + " sslmode=disable";
    }

    private static String passwordLine(PostgresServer server) {
        return server.host() + ":" + server.port() + ":*:" + server.superuser() + ":" + server.password() + "\n";
    }
}
