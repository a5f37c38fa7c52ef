package io.pgshift.copy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import io.pgshift.testkit.PostgresServer;

/**
 * Tiny extensions for the tests, installed into a server's share directory (the test kit's cached binaries):
 * contrib has no extension with a configuration table, and none that a target lacks. A file's contents never
 * change between runs, and each is renamed into place, so concurrent runs cannot see half a file.
 */
public final class TestExtensions {
    /** A configuration table and sequence; default version 1.1, and a 1.0 to install on sources. */
    private static final String CONFIG = "pgshift_cfg";
    private TestExtensions() {
    }

    public static void installConfigExtension(PostgresServer server) throws IOException, SQLException {
        for (String file : List.of(CONFIG + ".control", CONFIG + "--1.0.sql", CONFIG + "--1.1.sql")) {
            install(server, file, file);
        }
    }

    /**
     * Installs an extension on this server only, to see a copy refuse a target without it. Its name holds
     * the server's version, because the binaries, and so the share directory, are shared by every server of
     * that version: a target of another version never has it.
     */
    public static String installSourceOnlyExtension(PostgresServer server) throws IOException, SQLException {
        String name = "pgshift_only_on_" + server.majorVersion().replace('.', '_');
        install(server, "pgshift_only_on.control", name + ".control");
        install(server, "pgshift_only_on--1.0.sql", name + "--1.0.sql");
        return name;
    }

    private static void install(PostgresServer server, String resource, String file) throws IOException, SQLException {
        Path directory = shareDirectory(server).resolve("extension");
        Path temporary = directory.resolve(file + ".tmp-" + UUID.randomUUID());
        try (InputStream in = TestExtensions.class.getResourceAsStream("/extensions/" + resource)) {
            Files.copy(in, temporary);
        }
        Files.move(temporary, directory.resolve(file), StandardCopyOption.ATOMIC_MOVE,
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path shareDirectory(PostgresServer server) throws SQLException {
        try (Connection c = server.connect("postgres");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT setting FROM pg_catalog.pg_config WHERE name = 'SHAREDIR'")) {
            rs.next();
            return Path.of(rs.getString(1));
        }
    }
}
