package io.pgshift.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.CertPathValidatorException;
import java.sql.SQLException;
import java.util.Map;

import javax.net.ssl.SSLHandshakeException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

/**
 * Failures become one clear line naming the server. No PostgreSQL server is involved: some tests
 * use a closed port or a tiny fake server speaking just enough protocol to refuse the login.
 */
class ConnectorErrorTest {

    private static final String SECRET = "Sup3rS3cret";

    @TempDir
    Path home;

    private ConnInfo parse(String conninfo) {
        return ConnInfo.parse(conninfo, Environment.of(Map.of(), home, "osuser"));
    }

    private static PSQLException serverError(String sqlState, String message) {
        return new PSQLException(new ServerErrorMessage("SFATAL\0VFATAL\0C" + sqlState + "\0M" + message + "\0"));
    }

    private static PgShiftException open(ConnInfo c) {
        PgShiftException e = catchThrowableOfType(PgShiftException.class, c::open);
        assertThat(e).as("connecting should fail").isNotNull();
        return e;
    }

    // ---- against a real socket ---------------------------------------------------------------

    @Test
    void refusedConnectionNamesTheServerAndGivesAHint() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        ConnInfo c = parse("host=127.0.0.1 port=" + port + " user=postgres dbname=app password=" + SECRET);
        PgShiftException e = open(c);
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
        assertThat(e).hasMessage("cannot connect to postgres@127.0.0.1:" + port + "/app: connection refused"
                + " (is the server running and accepting TCP connections on 127.0.0.1:" + port + "?)");
        assertThat(e.getCause()).isInstanceOf(SQLException.class);
    }

    @Test
    void wrongPasswordIsAnAuthenticationErrorThatNeverShowsThePassword() throws Exception {
        try (FakePgServer server = FakePgServer.askingPassword("28P01", "password authentication failed for user \"bob\"")) {
            ConnInfo c = parse("host=127.0.0.1 port=" + server.port() + " user=bob dbname=app sslmode=disable password=" + SECRET);
            PgShiftException e = open(c);
            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION);
            assertThat(e).hasMessage("authentication failed for user \"bob\" on bob@127.0.0.1:" + server.port()
                    + "/app?sslmode=disable: password authentication failed for user \"bob\""
                    + " (password from the connection string)");
            assertThat(server.receivedPassword()).isEqualTo(SECRET); // delivered through the Properties
            assertThat(e.getMessage()).doesNotContain(SECRET);
            assertThat(e.getCause()).isInstanceOf(SQLException.class);
            assertThat(server.startupUser()).isEqualTo("bob");
            assertThat(server.startupParameter("application_name")).isEqualTo("pgshift");
        }
    }

    @Test
    void missingPasswordIsAnAuthenticationError() throws Exception {
        try (FakePgServer server = FakePgServer.askingPassword("28P01", "unused")) {
            ConnInfo c = parse("host=127.0.0.1 port=" + server.port() + " user=bob dbname=app sslmode=disable");
            PgShiftException e = open(c);
            assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION);
            assertThat(e).hasMessageStartingWith("authentication failed for user \"bob\" on bob@127.0.0.1:")
                    .hasMessageContaining("the server asked for a password, but none was given");
            assertThat(server.receivedPassword()).isNull();
        }
    }

    @Test
    void missingDatabaseIsDatabaseNotFound() throws Exception {
        try (FakePgServer server = FakePgServer.refusing("3D000", "database \"app\" does not exist")) {
            ConnInfo c = parse("host=127.0.0.1 port=" + server.port() + " user=bob dbname=app sslmode=disable");
            PgShiftException e = open(c);
            assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_NOT_FOUND);
            assertThat(e).hasMessage("database \"app\" does not exist on bob@127.0.0.1:" + server.port()
                    + "/app?sslmode=disable");
        }
    }

    @Test
    void serverRequiringSslWithSslmodeDisableIsAnSslErrorWithAHint() throws Exception {
        try (FakePgServer server = FakePgServer.refusing("28000", "no pg_hba.conf entry for host \"127.0.0.1\","
                + " user \"bob\", database \"app\", no encryption")) {
            ConnInfo c = parse("host=127.0.0.1 port=" + server.port() + " user=bob dbname=app sslmode=disable");
            PgShiftException e = open(c);
            assertThat(e.code()).isEqualTo(ErrorCode.SSL);
            assertThat(e).hasMessageEndingWith("(the server requires SSL: use sslmode=require or stronger)");
        }
    }

    @Test
    void serverWithoutSslFailsSslmodeRequire() throws Exception {
        try (FakePgServer server = FakePgServer.refusing("28000", "unused")) {
            ConnInfo c = parse("host=127.0.0.1 port=" + server.port() + " user=bob dbname=app sslmode=require");
            PgShiftException e = open(c);
            assertThat(e.code()).isEqualTo(ErrorCode.SSL);
            assertThat(e).hasMessage("cannot connect to bob@127.0.0.1:" + server.port()
                    + "/app?sslmode=require: the server does not support SSL, but sslmode=require requires it");
        }
    }

    // ---- translation of driver exceptions ----------------------------------------------------

    @Test
    void unknownRoleIsAnAuthenticationError() {
        ConnInfo c = parse("host=db1 user=x dbname=app");
        PgShiftException e = Connector.translate(serverError("28000", "role \"x\" does not exist"), c);
        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(e).hasMessage("authentication failed for user \"x\" on x@db1:5432/app: role \"x\" does not exist");
    }

    @Test
    void wrongPasswordFromThePasswordFileSaysSo() throws IOException {
        Path pgpass = java.nio.file.Files.writeString(home.resolve(".pgpass"), "*:*:*:*:" + SECRET + "\n");
        java.nio.file.Files.setPosixFilePermissions(pgpass, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        ConnInfo c = parse("host=db1 user=x dbname=app");
        PgShiftException e = Connector.translate(serverError("28P01", "password authentication failed for user \"x\""), c);
        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(e).hasMessage("authentication failed for user \"x\" on x@db1:5432/app:"
                + " password authentication failed for user \"x\" (password from password file \"" + pgpass + "\")");
    }

    @Test
    void noHbaEntryWithEncryptionIsAnAuthenticationError() {
        ConnInfo c = parse("host=db1 user=x dbname=app sslmode=require");
        PgShiftException e = Connector.translate(serverError("28000",
                "no pg_hba.conf entry for host \"10.0.0.1\", user \"x\", database \"app\", SSL encryption"), c);
        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION);
    }

    @Test
    void olderServersSayingSslOffGetTheSameHint() {
        ConnInfo c = parse("host=db1 user=x dbname=app sslmode=disable");
        PgShiftException e = Connector.translate(serverError("28000",
                "no pg_hba.conf entry for host \"10.0.0.1\", user \"x\", database \"app\", SSL off"), c);
        assertThat(e.code()).isEqualTo(ErrorCode.SSL);
        assertThat(e).hasMessageContaining("use sslmode=require or stronger");
    }

    @Test
    void otherServerErrorsAreConnectionErrorsWithTheServerText() {
        ConnInfo c = parse("host=db1 user=x dbname=app");
        PgShiftException e = Connector.translate(serverError("53300", "sorry, too many clients already"), c);
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
        assertThat(e).hasMessage("cannot connect to x@db1:5432/app: sorry, too many clients already");
    }

    @Test
    void unknownHostIsAConnectionError() {
        ConnInfo c = parse("host=db1.invalid user=postgres dbname=app");
        SQLException driver = new PSQLException("The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new UnknownHostException("db1.invalid"));
        PgShiftException e = Connector.translate(driver, c);
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
        assertThat(e).hasMessage("cannot connect to postgres@db1.invalid:5432/app:"
                + " could not translate host name \"db1.invalid\" to address (unknown host)");
        assertThat(e.getCause()).isSameAs(driver);
    }

    @Test
    void timeoutIsAConnectionError() {
        ConnInfo c = parse("host=db1 user=postgres dbname=app connect_timeout=3");
        PgShiftException e = Connector.translate(new PSQLException("The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new SocketTimeoutException("Connect timed out")), c);
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
        assertThat(e).hasMessageStartingWith("cannot connect to postgres@db1:5432/app: timeout expired (connect_timeout=3;");
    }

    @Test
    void connectionClosedByTheServerIsAConnectionError() {
        ConnInfo c = parse("host=db1 user=postgres dbname=app");
        PgShiftException e = Connector.translate(new PSQLException("The connection attempt failed.",
                PSQLState.CONNECTION_UNABLE_TO_CONNECT, new java.io.EOFException()), c);
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
        assertThat(e).hasMessage("cannot connect to postgres@db1:5432/app: the server closed the connection unexpectedly");
    }

    @Test
    void somethingOtherThanPostgresqlOnThePortIsAConnectionErrorNotAnSslOne() {
        ConnInfo c = parse("host=db1 port=80 user=postgres dbname=app");
        PgShiftException e = Connector.translate(new PSQLException("An error occurred while setting up the SSL connection.",
                PSQLState.PROTOCOL_VIOLATION), c);
        assertThat(e.code()).isEqualTo(ErrorCode.CONNECTION);
        assertThat(e).hasMessageContaining("did not answer like a PostgreSQL server").hasMessageContaining("db1:80");
    }

    @Test
    void scramWithoutPasswordIsAnAuthenticationError() {
        ConnInfo c = parse("host=db1 user=postgres dbname=app");
        PgShiftException e = Connector.translate(new PSQLException(
                "The server requested SCRAM-based authentication, but no password was provided.",
                PSQLState.CONNECTION_REJECTED), c);
        assertThat(e.code()).isEqualTo(ErrorCode.AUTHENTICATION);
        assertThat(e).hasMessageContaining("none was given");
    }

    @Test
    void certificateVerificationFailureIsAnSslError() {
        ConnInfo c = parse("host=db1 user=postgres dbname=app sslmode=verify-full sslrootcert=/etc/ssl/ca.pem");
        SSLHandshakeException handshake = new SSLHandshakeException("PKIX path validation failed");
        handshake.initCause(new CertPathValidatorException("signature check failed"));
        PgShiftException e = Connector.translate(new PSQLException("SSL error: PKIX path validation failed",
                PSQLState.CONNECTION_FAILURE, handshake), c);
        assertThat(e.code()).isEqualTo(ErrorCode.SSL);
        assertThat(e).hasMessage("SSL connection to postgres@db1:5432/app?sslmode=verify-full failed: the server"
                + " certificate could not be verified against root certificate file \"/etc/ssl/ca.pem\": signature check failed");
    }

    @Test
    void hostNameMismatchIsAnSslError() {
        ConnInfo c = parse("host=db1 user=postgres dbname=app sslmode=verify-full sslrootcert=system");
        PgShiftException e = Connector.translate(new PSQLException(
                "The hostname db1 could not be verified by hostnameverifier PgjdbcHostnameVerifier.",
                PSQLState.CONNECTION_FAILURE), c);
        assertThat(e.code()).isEqualTo(ErrorCode.SSL);
        assertThat(e).hasMessageContaining("does not match the host name");
    }

    @Test
    void exceptionMessagesNeverContainThePassword() {
        ConnInfo c = parse("host=db1 user=postgres dbname=app password=" + SECRET);
        PgShiftException e = Connector.translate(new PSQLException("odd failure near " + SECRET + "\nsecond line",
                PSQLState.CONNECTION_FAILURE), c);
        assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("\n").contains("********");
    }

    // ---- a fake server -----------------------------------------------------------------------

    /** Accepts connections, answers 'N' to SSL/GSS requests, optionally asks for a password, then fails. */
    static final class FakePgServer implements AutoCloseable {
        private final ServerSocket socket;
        private final boolean askPassword;
        private final String sqlState;
        private final String message;
        private volatile String receivedPassword;
        private volatile Map<String, String> startup = Map.of();

        static FakePgServer askingPassword(String sqlState, String message) throws IOException {
            return new FakePgServer(true, sqlState, message);
        }

        static FakePgServer refusing(String sqlState, String message) throws IOException {
            return new FakePgServer(false, sqlState, message);
        }

        private FakePgServer(boolean askPassword, String sqlState, String message) throws IOException {
            this.askPassword = askPassword;
            this.sqlState = sqlState;
            this.message = message;
            this.socket = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Thread t = new Thread(this::serve, "fake-postgres");
            t.setDaemon(true);
            t.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        String receivedPassword() {
            return receivedPassword;
        }

        String startupUser() {
            return startup.get("user");
        }

        String startupParameter(String name) {
            return startup.get(name);
        }

        private void serve() {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    s.setSoTimeout(10_000);
                    handle(new DataInputStream(s.getInputStream()), new DataOutputStream(s.getOutputStream()));
                } catch (IOException e) {
                    // closed, or the client hung up: next connection
                }
            }
        }

        private void handle(DataInputStream in, DataOutputStream out) throws IOException {
            while (true) {
                int len = in.readInt();
                int code = in.readInt();
                if (code == 80877103 || code == 80877104) { // SSLRequest, GSSENCRequest
                    out.writeByte('N');
                    out.flush();
                    continue;
                }
                byte[] params = new byte[len - 8];
                in.readFully(params);
                startup = parseStartup(params);
                break;
            }
            if (askPassword) {
                out.writeByte('R');
                out.writeInt(8);
                out.writeInt(3); // AuthenticationCleartextPassword
                out.flush();
                int type = in.read();
                if (type != 'p') {
                    return; // the client gave up: it has no password
                }
                byte[] body = new byte[in.readInt() - 4];
                in.readFully(body);
                receivedPassword = new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            field(body, 'S', "FATAL");
            field(body, 'V', "FATAL");
            field(body, 'C', sqlState);
            field(body, 'M', message);
            body.write(0);
            out.writeByte('E');
            out.writeInt(4 + body.size());
            body.writeTo(out);
            out.flush();
        }

        private static Map<String, String> parseStartup(byte[] params) {
            String[] parts = new String(params, StandardCharsets.UTF_8).split("\0");
            java.util.HashMap<String, String> m = new java.util.HashMap<>();
            for (int i = 0; i + 1 < parts.length; i += 2) {
                m.put(parts[i], parts[i + 1]);
            }
            return m;
        }

        private static void field(ByteArrayOutputStream body, char type, String value) {
            body.write(type);
            body.writeBytes(value.getBytes(StandardCharsets.UTF_8));
            body.write(0);
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
