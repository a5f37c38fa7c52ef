package io.pgshift.testkit;

import io.pgshift.embedded.EmbeddedPostgres;
import io.pgshift.embedded.PgVersion;
import io.pgshift.embedded.SslSetup;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real PostgreSQL server per test class:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final PostgresServer pg12 = PostgresServer.version("12");
 * }</pre>
 *
 * The field must be static: JUnit only calls beforeAll/afterAll on extensions registered in static
 * fields. The server starts before the first test and is closed (data deleted) after the last.
 * Nested test classes share the outer class's server rather than starting their own.
 */
public final class PostgresServer implements BeforeAllCallback, AfterAllCallback {
    private final PgVersion version;
    private SslSetup ssl = SslSetup.OFF;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private EmbeddedPostgres server;
    /** The class whose beforeAll started the server; only its afterAll stops it (not a @Nested one's). */
    private String ownerId;

    private PostgresServer(PgVersion version) {
        this.version = version;
    }

    /** A server of the given major: "9.6", "10", ..., "18". */
    public static PostgresServer version(String major) {
        return new PostgresServer(PgVersion.of(major));
    }

    public PostgresServer ssl(SslSetup ssl) {
        if (server != null) {
            throw new IllegalStateException("SSL must be chosen before the server starts");
        }
        this.ssl = ssl;
        return this;
    }

    /** A line of the server's postgresql.conf, for parameters that only a start sets (max_connections, ...). */
    public PostgresServer setting(String name, String value) {
        if (server != null) {
            throw new IllegalStateException("settings must be chosen before the server starts");
        }
        settings.put(name, value);
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (server == null) {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder(version).ssl(ssl);
            settings.forEach(builder::setting);
            server = builder.start();
            ownerId = context.getUniqueId();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null && context.getUniqueId().equals(ownerId)) {
            try {
                server.close();
            } finally {
                server = null;
                ownerId = null;
            }
        }
    }

    /** The running server, for anything this class does not forward. */
    public EmbeddedPostgres server() {
        if (server == null) {
            throw new IllegalStateException("PostgreSQL " + version.major()
                    + " is not running; register the extension in a static field with @RegisterExtension");
        }
        return server;
    }

    public Connection connect(String db) throws SQLException {
        return server().connect(db);
    }

    public void createDatabase(String name) {
        server().execute("postgres", "CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
    }

    public void execute(String db, String... sql) {
        server().execute(db, sql);
    }

    /** Stops the server fast, waits the given time, and starts it again on the same port. */
    public void restart(java.time.Duration down) {
        server().restart(down);
    }

    /** Crashes the server (immediate shutdown), waits the given time, and starts it again on the same port. */
    public void crashAndRestart(java.time.Duration down) {
        server().crashAndRestart(down);
    }

    public String host() {
        return server().host();
    }

    public int port() {
        return server().port();
    }

    public String superuser() {
        return server().superuser();
    }

    public String password() {
        return server().password();
    }

    public String majorVersion() {
        return version.major();
    }

    public String jdbcUrl(String db) {
        return server().jdbcUrl(db);
    }

    public Path dataDirectory() {
        return server().dataDirectory();
    }

    public Path log() {
        return server().log();
    }

    public Path certificate() {
        return server().certificate();
    }
}
