package io.pgshift.tables;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table torture fixtures: {@code torture/tables.sql} plus each {@code tables-NN.sql} the server's version
 * can run, and the checks every table test makes after a copy.
 */
final class TableTorture {
    /** Fixtures for features that need a newer source, by the major version that introduced them. */
    private static final List<Integer> VERSION_FILES = List.of(10, 11, 12, 14, 15, 17, 18);

    private TableTorture() {
    }

    /** Creates the database and fills it with every fixture the server can run. */
    static void load(PostgresServer server, String db) throws IOException {
        roles(server);
        server.createDatabase(db);
        server.execute(db, resource("tables.sql"));
        int major = majorOf(server);
        for (int version : VERSION_FILES) {
            if (major >= version) {
                server.execute(db, resource("tables-" + version + ".sql"));
            }
        }
    }

    /** The roles the fixtures grant to; roles belong to the server, so the target needs them too. */
    static void roles(PostgresServer server) {
        server.execute("postgres", "DO $$ BEGIN CREATE ROLE app_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$");
    }

    /** The tablespace "Fast Disk" in an empty directory; a tablespace belongs to the server, like a role. */
    static void tablespace(PostgresServer server, Path directory) throws IOException {
        Files.createDirectories(directory);
        server.execute("postgres", "CREATE TABLESPACE \"Fast Disk\" LOCATION '" + directory + "'");
    }

    static int majorOf(PostgresServer server) {
        String major = server.majorVersion();
        return major.startsWith("9.") ? 9 : Integer.parseInt(major);
    }

    /** pg_dump 15 prints the same schema for both databases. */
    static void assertSameSchema(PostgresServer source, String sourceDb, PostgresServer target, String targetDb)
            throws Exception {
        String expected = PgDumpOracle.schema(source, sourceDb);
        String actual = PgDumpOracle.schema(target, targetDb);
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
    }

    /** Every table holds the same rows, every sequence is at the same position, the same relations exist. */
    static void assertSameContent(PostgresServer source, String sourceDb, PostgresServer target, String targetDb)
            throws Exception {
        DatabaseSnapshot.assertSameContent(source, sourceDb, target, targetDb);
    }

    /** The catalogs describe every table, column, constraint and index alike on both servers. */
    static void assertSameStructure(PostgresServer source, String sourceDb, PostgresServer target, String targetDb)
            throws Exception {
        try (Connection s = source.connect(sourceDb); Connection t = target.connect(targetDb)) {
            String expected = String.join("\n", TableStructure.describe(s));
            String actual = String.join("\n", TableStructure.describe(t));
            assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        }
    }

    static String resource(String name) throws IOException {
        try (InputStream in = TableTorture.class.getResourceAsStream("/torture/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
