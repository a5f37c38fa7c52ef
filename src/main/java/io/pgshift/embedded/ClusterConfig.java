package io.pgshift.embedded;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Writes the server configuration, pg_hba.conf and (for SSL) the certificate into a fresh data directory. */
final class ClusterConfig {
    static final String CERTIFICATE = "server.crt";
    private static final String KEY = "server.key";
    private static final Pattern SETTING_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    private ClusterConfig() {
    }

    /** The method pg_hba demands over TCP: a real password check, with the strongest hash the version has. */
    static String passwordMethod(PgVersion version) {
        return version.hasScram() ? "scram-sha-256" : "md5";
    }

    static void requireValidSettingName(String name) {
        if (name == null || !SETTING_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a PostgreSQL setting name: " + name);
        }
    }

    static void write(Path dataDir, PgVersion version, SslSetup ssl, Map<String, String> settings) throws IOException {
        StringBuilder conf = new StringBuilder("\n# --- pgshift embedded server ---\n");
        // A throwaway server: durability only costs time here.
        conf.append("fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n");
        conf.append("max_connections = 100\nshared_buffers = 128MB\n");
        if (version.hasScram()) {
            // Hash passwords set later (CREATE ROLE ... PASSWORD) so that the scram pg_hba lines accept them.
            conf.append("password_encryption = 'scram-sha-256'\n");
        }
        if (ssl != SslSetup.OFF) {
            conf.append("ssl = on\nssl_cert_file = '" + CERTIFICATE + "'\nssl_key_file = '" + KEY + "'\n");
        }
        // Caller settings come last: in postgresql.conf the last occurrence wins.
        settings.forEach((name, value) -> conf.append(name).append(" = ").append(quote(value)).append('\n'));
        Files.writeString(dataDir.resolve("postgresql.conf"), conf, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Files.writeString(dataDir.resolve("pg_hba.conf"), hba(version, ssl), StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /**
     * Trust only on the unix socket, whose directory only our user can enter; TCP always checks
     * the password, so wrong passwords and unknown users are really refused.
     */
    private static String hba(PgVersion version, SslSetup ssl) {
        String method = passwordMethod(version);
        StringBuilder hba = new StringBuilder("# pgshift embedded server\n");
        hba.append("local all all trust\n");
        if (ssl == SslSetup.REQUIRED) {
            hba.append("hostssl all all 127.0.0.1/32 ").append(method).append('\n');
            hba.append("hostnossl all all 0.0.0.0/0 reject\n");
        } else {
            hba.append("host all all 127.0.0.1/32 ").append(method).append('\n');
        }
        return hba.toString();
    }

    /**
     * A self-signed certificate for CN=localhost whose only subjectAltName is DNS:localhost, so a
     * client's verify-full passes for host=localhost and fails for host=127.0.0.1. The key must be
     * 0600, or the server refuses to start.
     */
    static Path createCertificate(Path dataDir, Path log) throws IOException {
        Path certificate = dataDir.resolve(CERTIFICATE);
        Path key = dataDir.resolve(KEY);
        Commands.run("openssl (self-signed certificate)", List.of("openssl", "req", "-x509", "-newkey", "rsa:2048",
                "-nodes", "-sha256", "-days", "3650", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost",
                "-keyout", key.toString(), "-out", certificate.toString()), log, Duration.ofSeconds(60));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        return certificate;
    }

    /** postgresql.conf string syntax: single quotes, with quotes and backslashes escaped. */
    private static String quote(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "''") + "'";
    }
}
