package io.pgshift.embedded;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real PostgreSQL server of a chosen major version, private to this JVM: its own data directory,
 * port and unix socket directory under a temp directory, and a random superuser password. Tests
 * use it as source and target of migrations; {@code pgshift demo} uses it too. close() stops the
 * server and deletes everything it wrote; a shutdown hook closes servers a caller forgot.
 *
 * <pre>{@code
 * try (EmbeddedPostgres pg = EmbeddedPostgres.builder(PgVersion.of("12")).ssl(SslSetup.ENABLED).start()) {
 *     pg.execute("postgres", "CREATE DATABASE shop");
 * }
 * }</pre>
 */
public final class EmbeddedPostgres implements AutoCloseable {
    private static final String HOST = "127.0.0.1";
    private static final String DEFAULT_SUPERUSER = "postgres";
    private static final Duration INITDB_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(30);
    /** A free port found by binding port 0 can be taken by someone else before postgres binds it. */
    private static final int PORT_ATTEMPTS = 3;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PgVersion version;
    private final SslSetup ssl;
    private final String superuser;
    private final Path baseDir;
    private final String password = randomPassword();
    private volatile int port;
    private volatile Process process;
    private boolean closed;

    private EmbeddedPostgres(PgVersion version, SslSetup ssl, String superuser, Path baseDir) {
        this.version = version;
        this.ssl = ssl;
        this.superuser = superuser;
        this.baseDir = baseDir;
    }

    public static Builder builder(PgVersion version) {
        return new Builder(Objects.requireNonNull(version, "version"));
    }

    /** Collects the options of one server; {@link #start()} may be called more than once for identical servers. */
    public static final class Builder {
        private final PgVersion version;
        private SslSetup ssl = SslSetup.OFF;
        private String superuser = DEFAULT_SUPERUSER;
        private final Map<String, String> settings = new LinkedHashMap<>();

        private Builder(PgVersion version) {
            this.version = version;
        }

        public Builder ssl(SslSetup ssl) {
            this.ssl = Objects.requireNonNull(ssl, "ssl");
            return this;
        }

        /**
         * The bootstrap superuser's name (initdb -U), postgres by default. Managed services name theirs after
         * themselves (azuresu, rdsadmin, cloudsqladmin), and a migration must recognise it by its oid, not its name.
         */
        public Builder superuser(String name) {
            this.superuser = Objects.requireNonNull(name, "name");
            return this;
        }

        /** A postgresql.conf setting; it overrides the kit's own defaults. */
        public Builder setting(String name, String value) {
            ClusterConfig.requireValidSettingName(name);
            settings.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** initdb, configure, start, and return once the server accepts a JDBC connection. */
        public EmbeddedPostgres start() {
            return EmbeddedPostgres.start(version, ssl, superuser, Map.copyOf(settings));
        }
    }

    private static EmbeddedPostgres start(PgVersion version, SslSetup ssl, String superuser,
                                          Map<String, String> settings) {
        Path installation = BinaryCache.installation(version);
        EmbeddedPostgres server;
        try {
            server = new EmbeddedPostgres(version, ssl, superuser,
                    Files.createTempDirectory("pgshift-pg" + version.major() + "-"));
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "cannot create a temp directory for PostgreSQL: " + e, e);
        }
        // Registered before anything runs, so a Ctrl-C during startup still cleans up.
        RunningServers.add(server);
        try {
            server.initialize(installation, settings);
            server.launch(installation);
            return server;
        } catch (RuntimeException | Error e) {
            try {
                server.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    private void initialize(Path installation, Map<String, String> settings) {
        Path passwordFile = baseDir.resolve("pwfile");
        try {
            Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(passwordFile, password + "\n");
            Commands.run("initdb for PostgreSQL " + version.major(),
                    Commands.serverBinary(installation.resolve("bin/initdb"), "-D", dataDirectory().toString(),
                            "-U", superuser, "-E", "UTF8", "--locale=C", "-N", "--pwfile=" + passwordFile,
                            "--auth-local=trust", "--auth-host=" + ClusterConfig.passwordMethod(version)),
                    baseDir.resolve("initdb.log"), INITDB_TIMEOUT);
            Files.delete(passwordFile);
            ClusterConfig.write(dataDirectory(), version, ssl, settings);
            if (ssl != SslSetup.OFF) {
                ClusterConfig.createCertificate(dataDirectory(), baseDir.resolve("openssl.log"));
            }
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.INTERNAL,
                    "cannot prepare the PostgreSQL " + version.major() + " data directory: " + e, e);
        }
    }

    private void launch(Path installation) {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        for (int attempt = 1; ; attempt++) {
            port = freePort();
            long logOffset = logSize();
            startProcess(installation);
            if (awaitConnection(deadline)) {
                return;
            }
            if (attempt >= PORT_ATTEMPTS || !logSince(logOffset).contains("Address already in use")) {
                throw startFailure("the server exited with code " + process.exitValue(), null);
            }
        }
    }

    /** Synchronized with close(): a shutdown hook closing us mid-startup must not be followed by a launch. */
    private synchronized void startProcess(Path installation) {
        if (closed) {
            throw new PgShiftException(ErrorCode.INTERRUPTED, "embedded PostgreSQL " + version.major()
                    + " was closed while starting");
        }
        try {
            process = Commands.start(Commands.serverBinary(installation.resolve("bin/postgres"),
                    "-D", dataDirectory().toString(), "-p", Integer.toString(port),
                    "-k", baseDir.toString(), "-c", "listen_addresses=" + HOST), log());
        } catch (IOException e) {
            throw startFailure("cannot run postgres: " + e.getMessage(), e);
        }
    }

    /** True once a JDBC connection succeeds, false if the server exited; throws on timeout or bad credentials. */
    private boolean awaitConnection(long deadline) {
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try (Connection ignored = connect("postgres")) {
                return true;
            } catch (SQLException e) {
                last = e;
                if (e.getSQLState() != null && e.getSQLState().startsWith("28")) {
                    throw startFailure("the server refused the superuser: " + e.getMessage(), e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PgShiftException(ErrorCode.INTERRUPTED, "interrupted while PostgreSQL started", e);
            }
        }
        throw startFailure("no connection within " + STARTUP_TIMEOUT.toSeconds() + " s"
                + (last == null ? "" : " (" + last.getMessage() + ")"), last);
    }

    private PgShiftException startFailure(String reason, Throwable cause) {
        return new PgShiftException(ErrorCode.INTERNAL, "embedded PostgreSQL " + version.major()
                + " did not start: " + reason + "; server log: " + FileTrees.tail(log(), 8), cause);
    }

    public String host() {
        return HOST;
    }

    public int port() {
        return port;
    }

    public String superuser() {
        return superuser;
    }

    /** Random per server; md5-hashed on 9.6, scram-sha-256 on 10 and later. */
    public String password() {
        return password;
    }

    /** "9.6", "10", ..., "18". */
    public String majorVersion() {
        return version.major();
    }

    public PgVersion version() {
        return version;
    }

    public SslSetup ssl() {
        return ssl;
    }

    /** jdbc:postgresql://127.0.0.1:port/db, without user or password. */
    public String jdbcUrl(String db) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/"
                + URLEncoder.encode(db, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public Path dataDirectory() {
        return baseDir.resolve("data");
    }

    /** The server's stdout and stderr; gone after close(), like the data directory. */
    public Path log() {
        return baseDir.resolve("postgres.log");
    }

    /** The server's self-signed certificate (PEM), usable as a client's sslrootcert. */
    public Path certificate() {
        if (ssl == SslSetup.OFF) {
            throw new IllegalStateException("the server runs without SSL, so it has no certificate");
        }
        return dataDirectory().resolve(ClusterConfig.CERTIFICATE);
    }

    /** A new connection as superuser; over SSL when the server has it, so that path is exercised too. */
    public Connection connect(String db) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", superuser);
        properties.setProperty("password", password);
        properties.setProperty("sslmode", ssl == SslSetup.OFF ? "disable" : "require");
        properties.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(jdbcUrl(db), properties);
    }

    /** Runs each statement in turn, autocommitted, as superuser in the database db. */
    public void execute(String db, String... sql) {
        try (Connection connection = connect(db); Statement statement = connection.createStatement()) {
            for (String each : sql) {
                statement.execute(each);
            }
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "statement failed on embedded PostgreSQL "
                    + version.major() + " in database " + db + ": " + e.getMessage(), e);
        }
    }

    /** Fast shutdown (SIGINT: roll back sessions, no waiting for clients), then delete every file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            stopServer();
        } finally {
            RunningServers.remove(this);
            deleteBaseDir();
        }
    }

    /**
     * Stops the server fast (its sessions are ended and rolled back, as an operator's restart does), waits the given
     * time, and starts it again on the same port, so that clients can reconnect to the address they know.
     */
    public void restart(Duration down) {
        restart(down, "-INT");
    }

    /**
     * Crashes the server (an immediate shutdown: no checkpoint, the recovery at the next start replays the WAL that
     * reached the disk) and starts it again on the same port after the given time.
     */
    public void crashAndRestart(Duration down) {
        restart(down, "-QUIT");
    }

    private void restart(Duration down, String signal) {
        stopServer(signal);
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgShiftException(ErrorCode.INTERRUPTED, "interrupted while PostgreSQL was down", e);
        }
        startProcess(BinaryCache.installation(version));
        if (!awaitConnection(System.nanoTime() + STARTUP_TIMEOUT.toNanos())) {
            throw startFailure("the server exited with code " + process.exitValue() + " on restart", null);
        }
    }

    private void stopServer() {
        stopServer("-INT");
    }

    private void stopServer(String signal) {
        if (process == null || !process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            kill.waitFor(5, TimeUnit.SECONDS);
            if (!process.waitFor(SHUTDOWN_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private void deleteBaseDir() {
        try {
            FileTrees.delete(baseDir);
        } catch (IOException first) {
            // A backend killed with the postmaster may still have been writing; one retry is enough.
            try {
                Thread.sleep(200);
                FileTrees.delete(baseDir);
            } catch (IOException | InterruptedException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                throw new PgShiftException(ErrorCode.IO, "cannot delete " + baseDir + ": " + e, e);
            }
        }
    }

    private long logSize() {
        try {
            return Files.exists(log()) ? Files.size(log()) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private String logSince(long offset) {
        try {
            byte[] bytes = Files.readAllBytes(log());
            int from = (int) Math.min(offset, bytes.length);
            return new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "no free TCP port on " + HOST + ": " + e.getMessage(), e);
        }
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        StringBuilder password = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            password.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return password.toString();
    }

    @Override
    public String toString() {
        return "EmbeddedPostgres[" + version.major() + " on " + HOST + ":" + port + ", ssl " + ssl + "]";
    }
}
