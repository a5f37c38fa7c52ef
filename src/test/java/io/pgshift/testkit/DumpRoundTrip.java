package io.pgshift.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A database dumped from one server and restored into another through each of pgshift's three formats, as a
 * user would run them: a plain script replayed by psql 15 with ON_ERROR_STOP, an archive piped from one
 * pgshift process into another, a directory with two jobs each way. Each check then asks pg_dump 15 whether
 * both schemas read the same and compares every table's rows and every large object's contents.
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
        Cli.Run dumped = Cli.run("dump", "-F", "plain", "--source", withPassword(source, db), "-f", script.toString());
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
        String pipe = java + " -jar " + jar + " dump -F archive -f - --source \"$SOURCE_CONN\" | " + java + " -jar "
                + jar + " restore --target \"$TARGET_CONN\" -";
        ProcessBuilder pb = new ProcessBuilder("bash", "-o", "pipefail", "-c", pipe);
        pb.environment().put("SOURCE_CONN", conn(source, db));
        pb.environment().put("TARGET_CONN", conn(target, restored));
        run(pb);
        assertSame(db, restored);
    }

    /** {@code dump -F directory -j 2}, then {@code restore -j 2} into {@code db_directory}. */
    public void directory(String db) throws Exception {
        String restored = db + "_directory";
        Path dump = work.resolve(db + ".dir");
        Cli.Run dumped = Cli.run("dump", "-F", "directory", "-j", "2", "--source", withPassword(source, db), "-f",
                dump.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        Cli.Run run = Cli.run("restore", "-j", "2", "--target", withPassword(target, restored), dump.toString());
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
        String largeObjects = "SELECT oid || ' ' || pg_catalog.md5(pg_catalog.lo_get(oid)) "
                + "FROM pg_catalog.pg_largeobject_metadata ORDER BY oid";
        assertThat(values(target, restored, largeObjects)).isEqualTo(values(source, db, largeObjects));
    }

    private static List<String> values(PostgresServer server, String db, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = server.connect(db); ResultSet rs = c.createStatement().executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    /** A libpq connection string without the password, which client processes find in the password file. */
    private static String conn(PostgresServer server, String db) {
        return "host=" + server.host() + " port=" + server.port() + " user=" + server.superuser() + " dbname="
                + quoted(db) + " sslmode=disable";
    }

    private static String withPassword(PostgresServer server, String db) {
        return conn(server, db) + " password=" + quoted(server.password());
    }

    private static String quoted(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    private static String passwordLine(PostgresServer server) {
        return server.host() + ":" + server.port() + ":*:" + server.superuser() + ":" + server.password() + "\n";
    }
}
