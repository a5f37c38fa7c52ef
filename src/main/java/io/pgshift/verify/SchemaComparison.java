package io.pgshift.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.data.SessionSettings;
import io.pgshift.data.Snapshot;

/**
 * Compares two databases object by object, as pgshift itself sees them: both catalogs are read with the same
 * reader and written as the statements that would recreate them ({@link DatabaseObjects}), and the statements
 * are compared per object. It works for any pair of versions, where pg_dump can only compare servers no newer
 * than itself. Owners, comments and privileges are part of the statements, so a missing GRANT is a difference.
 */
public final class SchemaComparison {
    private SchemaComparison() {
    }

    /** Reads both databases, each in a snapshot of its own, and compares them; for callers that hold connections. */
    public static List<SchemaDifference> compare(Connection source, Connection target) throws SQLException {
        ServerVersion sourceVersion = CatalogReader.versionOf(source);
        ServerVersion targetVersion = CatalogReader.versionOf(target);
        boolean sameMajor = sourceVersion.majorNumber() == targetVersion.majorNumber();
        return compare(read(source, sourceVersion, sameMajor).statements(),
                read(target, targetVersion, sameMajor).statements());
    }

    static List<SchemaDifference> compare(Map<String, String> expected, Map<String, String> actual) {
        Set<String> objects = new TreeSet<>(expected.keySet());
        objects.addAll(actual.keySet());
        List<SchemaDifference> differences = new ArrayList<>();
        for (String object : objects) {
            String s = expected.get(object);
            String t = actual.get(object);
            if (s == null || !s.equals(t)) {
                differences.add(new SchemaDifference(object, s, t));
            }
        }
        return differences;
    }

    private static DatabaseObjects read(Connection connection, ServerVersion version, boolean sameMajor)
            throws SQLException {
        SessionSettings.applySource(connection, version);
        Snapshot.export(connection);
        try {
            return DatabaseObjects.read(connection, version, sameMajor);
        } finally {
            Snapshot.end(connection);
        }
    }
}
