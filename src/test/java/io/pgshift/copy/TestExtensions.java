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
 * contrib has no extension with a configuration table, and none that a target lacks. The files are the same
 * for every server and every run, and each is renamed into place, so concurrent runs cannot see half a file.
 */
final class TestExtensions {
    /** A configuration table and sequence; default version 1.1, and a 1.0 to install on sources. */
    static final String CONFIG = "pgshift_cfg";
    /** Installed on sources only, to see the copy refuse a target without it. */
    static final String SOURCE_ONLY = "pgshift_source_only";

    private TestExtensions() {
    }

    static void install(PostgresServer server, String extension) throws IOException, SQLException {
        Path directory = shareDirectory(server).resolve("extension");
        List<String> files = CONFIG.equals(extension)
                ? List.of(CONFIG + ".control", CONFIG + "--1.0.sql", CONFIG + "--1.1.sql")
                : List.of(SOURCE_ONLY + ".control", SOURCE_ONLY + "--1.0.sql");
        for (String file : files) {
            Path temporary = directory.resolve(file + ".tmp-" + UUID.randomUUID());
            try (InputStream in = TestExtensions.class.getResourceAsStream("/extensions/" + file)) {
                Files.copy(in, temporary);
            }
            Files.move(temporary, directory.resolve(file), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        }
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
