package io.pgshift.connect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ErrorOutput;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #2: {@code pgshift copy} accepts every way psql takes a connection (a URI, a key=value
 * string, the environment, a password file) and fails with the documented exit code and one clear
 * line when it cannot connect. PostgreSQL 12 is the source, 17 the target.
 *
 * <p>The environment, password-file and failure cases run the real launcher ({@code java -jar
 * target/pgshift.jar}) with a controlled environment: only then is the environment really the only
 * place a password travels, and stderr really everything the process printed.
 */
class ConnectionFormatsIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    /** A login role on both servers, with a password that needs quoting, escaping and percent-encoding. */
    private static final String USER = "shifter";
    private static final String PASSWORD = "p@ss:w/rd 'x'";
    private static final String SOURCE_DB = "formats";
    private static final String EXPECTED_ROWS = "1:alpha,2:beta,3:gamma";

    @TempDir
    Path home;

    @BeforeAll
    static void createRolesAndTheSourceDatabase() {
        String password = "'" + PASSWORD.replace("'", "''") + "'";
        // The source role only reads: it is what a migration should be given.
        source.execute("postgres", "CREATE ROLE " + USER + " LOGIN PASSWORD " + password);
        source.createDatabase(SOURCE_DB);
        source.execute(SOURCE_DB,
                "CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO items VALUES (1, 'alpha'), (2, 'beta'), (3, 'gamma')",
                "GRANT SELECT ON ALL TABLES IN SCHEMA public TO " + USER);
        // The target role creates databases and objects; administrators of managed servers are alike.
        target.execute("postgres", "CREATE ROLE " + USER + " LOGIN SUPERUSER PASSWORD " + password);
    }

    // ---- the four ways to give the source ---------------------------------------------------

    @Test
    void aPostgresqlUriWithAPercentEncodedPasswordCopies() throws SQLException {
        String uri = "postgresql://" + USER + ":" + percentEncoded(PASSWORD) + "@" + source.host() + ":"
                + source.port() + "/" + SOURCE_DB + "?sslmode=disable&application_name=formats-it";

        Cli.Run run = Cli.run("copy", "--source", uri, "--target", Cli.conn(target, "via_uri"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(rowsOnTarget("via_uri")).isEqualTo(EXPECTED_ROWS);
        ErrorOutput.assertNoSecrets(run.out() + run.err(), PASSWORD, percentEncoded(PASSWORD));
    }

    @Test
    void aKeyValueStringWithAQuotedPasswordCopies() throws SQLException {
        String keyValue = "host=" + source.host() + " port=" + source.port() + " user=" + USER + " password='"
                + PASSWORD.replace("\\", "\\\\").replace("'", "\\'") + "' dbname=" + SOURCE_DB + " sslmode=disable";

        Cli.Run run = Cli.run("copy", "--source", keyValue, "--target", Cli.conn(target, "via_keyvalue"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(rowsOnTarget("via_keyvalue")).isEqualTo(EXPECTED_ROWS);
        ErrorOutput.assertNoSecrets(run.out() + run.err(), PASSWORD);
    }

    @Test
    void aSourceGivenOnlyByTheEnvironmentCopiesAndThePasswordNeverReachesTheCommandLine() throws SQLException {
        Map<String, String> env = Map.of(
                "PGHOST", source.host(),
                "PGPORT", Integer.toString(source.port()),
                "PGUSER", USER,
                "PGPASSWORD", PASSWORD,
                "PGDATABASE", SOURCE_DB);
        // The target names its own server and database; user and password come from PGUSER and PGPASSWORD.
        String targetConn = "host=" + target.host() + " port=" + target.port() + " dbname=via_env";

        Launcher.Run run = Launcher.run(home, env, "copy", "--source", "", "--target", targetConn);

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(rowsOnTarget("via_env")).isEqualTo(EXPECTED_ROWS);
        assertNoPasswordIn(run);
    }

    @Test
    void aPasswordFromAPgpassFileCopiesAndThePasswordIsNowhereElse() throws IOException, SQLException {
        Path pgpass = home.resolve("pgpass-for-test");
        Files.createFile(pgpass, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        String escaped = PASSWORD.replace("\\", "\\\\").replace(":", "\\:");
        Files.writeString(pgpass, "# host:port:database:user:password\n"
                + source.host() + ":" + source.port() + ":" + SOURCE_DB + ":" + USER + ":" + escaped + "\n"
                + target.host() + ":" + target.port() + ":*:" + USER + ":" + escaped + "\n");
        String sourceConn = "host=" + source.host() + " port=" + source.port() + " user=" + USER + " dbname="
                + SOURCE_DB + " sslmode=disable";
        String targetConn = "host=" + target.host() + " port=" + target.port() + " user=" + USER
                + " dbname=via_pgpass";

        Launcher.Run run = Launcher.run(home, Map.of("PGPASSFILE", pgpass.toString()),
                "copy", "--source", sourceConn, "--target", targetConn);

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        assertThat(rowsOnTarget("via_pgpass")).isEqualTo(EXPECTED_ROWS);
        assertNoPasswordIn(run);
    }

    // ---- failures, through the real launcher so that stderr is all the process printed ------------

    @Test
    void aWrongPasswordIsRefusedWithExitCode4AndNoStackTrace() {
        String wrong = "Wr0ngPassw0rd!";
        Launcher.Run run = launch("copy", "--source", sourceAs(USER, wrong, SOURCE_DB), "--target",
                Cli.conn(target, "never_wrong_password"));

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(4);
        String line = ErrorOutput.assertOneErrorLine(run.err(), wrong, PASSWORD, target.password());
        assertThat(line).startsWith("pgshift: authentication failed: ").contains("\"" + USER + "\"");
    }

    @Test
    void anUnknownUserIsRefusedWithExitCode4AndNoStackTrace() {
        String password = "N0body5Password";
        Launcher.Run run = launch("copy", "--source", sourceAs("nobody_here", password, SOURCE_DB), "--target",
                Cli.conn(target, "never_unknown_user"));

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(4);
        String line = ErrorOutput.assertOneErrorLine(run.err(), password, target.password());
        assertThat(line).startsWith("pgshift: authentication failed: ").contains("\"nobody_here\"");
    }

    @Test
    void aPortWhereNothingListensFailsWithExitCode3AndNoStackTrace() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }
        String password = "Unus3dPassword";
        Launcher.Run run = launch("copy", "--source", "host=127.0.0.1 port=" + closedPort + " user=" + USER
                + " password=" + password + " dbname=" + SOURCE_DB + " sslmode=disable connect_timeout=5",
                "--target", Cli.conn(target, "never_unreachable"));

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(3);
        String line = ErrorOutput.assertOneErrorLine(run.err(), password, target.password());
        assertThat(line).startsWith("pgshift: cannot connect: ").contains("127.0.0.1:" + closedPort)
                .contains("connection refused");
    }

    @Test
    void aSourceDatabaseThatDoesNotExistFailsWithExitCode6AndNoStackTrace() {
        Launcher.Run run = launch("copy", "--source", sourceAs(USER, PASSWORD, "no_such_database"), "--target",
                Cli.conn(target, "never_missing_source"));

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(6);
        String line = ErrorOutput.assertOneErrorLine(run.err(), PASSWORD, percentEncoded(PASSWORD),
                target.password());
        assertThat(line).startsWith("pgshift: database not found: ").contains("\"no_such_database\"");
    }

    @Test
    void aPgpassFileThatOthersCanReadIsIgnoredLikeLibpqAndTheRefusalSaysWhy() throws IOException {
        Path pgpass = home.resolve("readable-pgpass");
        Files.writeString(pgpass, source.host() + ":" + source.port() + ":*:" + USER + ":"
                + PASSWORD.replace("\\", "\\\\").replace(":", "\\:") + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-r--r--"));

        Launcher.Run run = Launcher.run(home, Map.of("PGPASSFILE", pgpass.toString()), "copy",
                "--source", "host=" + source.host() + " port=" + source.port() + " user=" + USER + " dbname="
                        + SOURCE_DB + " sslmode=disable",
                "--target", Cli.conn(target, "never_readable_pgpass"));

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(4);
        String line = ErrorOutput.assertOneErrorLine(run.err(), PASSWORD, target.password());
        assertThat(line).startsWith("pgshift: authentication failed: ").contains("none was given")
                .contains(pgpass.toString()).contains("group or world access");
    }

    @Test
    void verboseAddsTheStackTraceToAWrongPasswordError() {
        String wrong = "Wr0ngPassw0rd!";
        Launcher.Run run = launch("copy", "--verbose", "--source", sourceAs(USER, wrong, SOURCE_DB), "--target",
                Cli.conn(target, "never_verbose"));

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(4);
        assertThat(run.err()).contains("pgshift: authentication failed: ")
                .contains("io.pgshift.PgShiftException").contains("at io.pgshift.");
        ErrorOutput.assertNoSecrets(run.err(), wrong, PASSWORD, target.password());
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The real launcher, with an empty HOME and none of the PG* variables of the machine. */
    private Launcher.Run launch(String... args) {
        return Launcher.run(home, Map.of(), args);
    }

    private static String sourceAs(String user, String password, String db) {
        return "host=" + source.host() + " port=" + source.port() + " user=" + user + " password='"
                + password.replace("\\", "\\\\").replace("'", "\\'") + "' dbname=" + db + " sslmode=disable";
    }

    private static String percentEncoded(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The password only travels through the environment or the password file. */
    private static void assertNoPasswordIn(Launcher.Run run) {
        String commandLine = String.join(" ", run.command());
        assertThat(commandLine).doesNotContain(PASSWORD).doesNotContain(percentEncoded(PASSWORD))
                .doesNotContain("password=");
        ErrorOutput.assertNoSecrets(run.out() + run.err(), PASSWORD);
    }

    private static String rowsOnTarget(String db) throws SQLException {
        try (Connection c = target.connect(db); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(id || ':' || name, ',' ORDER BY id) FROM items")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
