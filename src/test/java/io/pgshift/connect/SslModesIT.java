package io.pgshift.connect;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.embedded.SslSetup;
import io.pgshift.testkit.ErrorOutput;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Issue #2: every sslmode means what it means in libpq, against real servers with the self-signed
 * certificate (CN=localhost, SAN DNS:localhost only) the test kit creates. Each connection is resolved
 * with HOME pointed at a directory the test controls, so no ~/.postgresql of the machine interferes.
 */
class SslModesIT {
    /** Takes plain and SSL connections. Also the target of the copies from {@link #required}. */
    @RegisterExtension
    static final PostgresServer enabled = PostgresServer.version("17").ssl(SslSetup.ENABLED);
    /** pg_hba rejects every TCP connection that is not SSL. */
    @RegisterExtension
    static final PostgresServer required = PostgresServer.version("17").ssl(SslSetup.REQUIRED);

    private static final String SECURE_DB = "secure";

    /** A self-signed certificate that did not sign the servers' certificates. */
    @TempDir
    static Path otherCa;

    @TempDir
    Path home;

    @BeforeAll
    static void createTheSourceDatabaseAndAForeignCertificate() throws IOException, InterruptedException {
        required.createDatabase(SECURE_DB);
        required.execute(SECURE_DB,
                "CREATE TABLE secrets (id integer PRIMARY KEY, note text NOT NULL)",
                "INSERT INTO secrets VALUES (1, 'only'), (2, 'over'), (3, 'tls')");

        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                "-subj", "/CN=other", "-days", "2",
                "-keyout", otherCa.resolve("other.key").toString(), "-out", otherCa.resolve("other.crt").toString())
                .redirectErrorStream(true).redirectOutput(otherCa.resolve("openssl.log").toFile()).start();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).as("openssl finished").isTrue();
        assertThat(openssl.exitValue()).as(Files.readString(otherCa.resolve("openssl.log"))).isZero();
    }

    // ---- sslmode against a server that offers SSL ----------------------------------------------

    @Test
    void requireConnectsEncryptedWithoutARootCertificate() throws SQLException {
        assertThat(sslInUse(connect(enabled, "127.0.0.1", "sslmode=require"))).isTrue();
    }

    @Test
    void disableConnectsUnencrypted() throws SQLException {
        assertThat(sslInUse(connect(enabled, "127.0.0.1", "sslmode=disable"))).isFalse();
    }

    @Test
    void verifyCaSucceedsWithTheServersCertificateAsRootCertificate() throws SQLException {
        assertThat(sslInUse(connect(enabled, "127.0.0.1",
                "sslmode=verify-ca sslrootcert='" + enabled.certificate() + "'"))).isTrue();
    }

    @Test
    void verifyCaWithoutARootCertificateFailsWithAnSslError() {
        PgShiftException e = connectFails(enabled, "127.0.0.1", "sslmode=verify-ca");

        assertThat(e.code()).isEqualTo(ErrorCode.SSL);
        assertThat(e.getMessage()).contains("root certificate file")
                .contains(home.resolve(".postgresql").resolve("root.crt").toString());
    }

    @Test
    void verifyFullSucceedsForTheHostNameInTheCertificate() throws SQLException {
        assertThat(sslInUse(connect(enabled, "localhost",
                "sslmode=verify-full sslrootcert='" + enabled.certificate() + "'"))).isTrue();
    }

    @Test
    void verifyFullFailsWithAnSslErrorForAnAddressTheCertificateDoesNotName() {
        PgShiftException e = connectFails(enabled, "127.0.0.1",
                "sslmode=verify-full sslrootcert='" + enabled.certificate() + "'");

        assertThat(e.code()).isEqualTo(ErrorCode.SSL);
        assertThat(e.getMessage()).contains("host name");
    }

    // ---- libpq: require checks the certificate when a root certificate file exists -------------

    @Test
    void requireFailsWithAnSslErrorWhenHomeHoldsARootCertificateThatDidNotSignTheServers() throws IOException {
        installRootCertificate(otherCa.resolve("other.crt"));

        PgShiftException e = connectFails(enabled, "127.0.0.1", "sslmode=require");

        assertThat(e.code()).isEqualTo(ErrorCode.SSL);
        assertThat(e.getMessage()).contains("could not be verified").contains("root.crt");
    }

    @Test
    void requireSucceedsWhenHomeHoldsTheServersCertificateAsRootCertificate() throws IOException, SQLException {
        installRootCertificate(enabled.certificate());

        assertThat(sslInUse(connect(enabled, "127.0.0.1", "sslmode=require"))).isTrue();
    }

    // ---- pgshift copy against a server that requires SSL ---------------------------------------

    @Test
    void copyFromAServerThatRequiresSslExitsWith5WhenSslIsDisabled() {
        Launcher.Run run = Launcher.run(home, Map.of(), "copy",
                "--source", conn(required, "127.0.0.1", SECURE_DB, "sslmode=disable"),
                "--target", conn(enabled, "127.0.0.1", "never_plain", "sslmode=require"));

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(5);
        String line = ErrorOutput.assertOneErrorLine(run.err(), required.password(), enabled.password());
        assertThat(line).startsWith("pgshift: SSL failure: ").contains("requires SSL").contains("sslmode=require");
    }

    @Test
    void copyFromAServerThatRequiresSslSucceedsWithSslmodeRequire() throws SQLException {
        Launcher.Run run = Launcher.run(home, Map.of(), "copy",
                "--source", conn(required, "127.0.0.1", SECURE_DB, "sslmode=require"),
                "--target", conn(enabled, "127.0.0.1", "from_required", "sslmode=require"));

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isZero();
        try (Connection c = enabled.connect("from_required"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT string_agg(id || ':' || note, ',' ORDER BY id) FROM secrets")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("1:only,2:over,3:tls");
        }
        ErrorOutput.assertNoSecrets(run.out() + run.err(), required.password(), enabled.password());
    }

    /**
     * The same host-name failure as {@link #verifyFullFailsWithAnSslErrorForAnAddressTheCertificateDoesNotName},
     * through the real launcher: exit code 5 and nothing on stderr but the error line.
     */
    @Test
    void copyWithVerifyFullToAnAddressTheCertificateDoesNotNameExitsWith5AndPrintsOnlyTheErrorLine() {
        Launcher.Run run = Launcher.run(home, Map.of(), "copy",
                "--source", conn(enabled, "127.0.0.1", "postgres",
                        "sslmode=verify-full sslrootcert='" + enabled.certificate() + "'"),
                "--target", conn(enabled, "127.0.0.1", "never_verify_full", "sslmode=require"));

        assertThat(run.exitCode()).as("stderr: %s", run.err()).isEqualTo(5);
        String line = ErrorOutput.assertOneErrorLine(run.err(), enabled.password());
        assertThat(line).startsWith("pgshift: SSL failure: ").contains("host name");
        assertThat(run.err()).doesNotContain("SEVERE").doesNotContain("org.postgresql");
    }

    // ---- helpers -------------------------------------------------------------------------------

    private static String conn(PostgresServer server, String host, String db, String ssl) {
        return "host=" + host + " port=" + server.port() + " user=" + server.superuser() + " password='"
                + server.password() + "' dbname=" + db + " " + ssl;
    }

    /** Resolved as pgshift resolves it, with this test's HOME and no PG* variables. */
    private ConnInfo info(PostgresServer server, String host, String ssl) {
        return ConnInfo.parse(conn(server, host, "postgres", ssl), Environment.of(Map.of(), home, "tester"));
    }

    private Connection connect(PostgresServer server, String host, String ssl) {
        return Connector.open(info(server, host, ssl));
    }

    private PgShiftException connectFails(PostgresServer server, String host, String ssl) {
        ConnInfo info = info(server, host, ssl);
        PgShiftException e = catchThrowableOfType(PgShiftException.class, () -> Connector.open(info).close());
        assertThat(e).as("connecting with %s should fail", ssl).isNotNull();
        assertThat(e.getMessage()).doesNotContain(server.password());
        return e;
    }

    /** Closes the connection after asking whether it is encrypted. */
    private static boolean sslInUse(Connection connection) throws SQLException {
        try (connection; Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            assertThat(rs.next()).isTrue();
            return rs.getBoolean(1);
        }
    }

    private void installRootCertificate(Path certificate) throws IOException {
        Path dir = Files.createDirectories(home.resolve(".postgresql"));
        Files.copy(certificate, dir.resolve("root.crt"));
    }
}
