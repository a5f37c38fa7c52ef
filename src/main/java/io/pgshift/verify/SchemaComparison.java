package io.pgshift.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.data.SessionSettings;
import io.pgshift.data.Snapshot;
import io.pgshift.ddl.DatabaseProperties;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.ddl.DdlWriter;
import io.pgshift.plan.Entry;
import io.pgshift.plan.Section;

/**
 * Compares two databases object by object, as pgshift itself sees them: both catalogs are read with the same
 * reader and written as the statements that would recreate them, and the statements are compared per
 * object. It works for any pair of versions, where pg_dump can only compare servers no newer than itself.
 * Object identity is kind and name, never oid, which differs between servers. Between different major
 * versions, the statements are first made version-neutral ({@link VersionNeutral}), and definitions the server
 * prints itself (views, rules) are compared by presence only.
 */
public final class SchemaComparison {
    private SchemaComparison() {
    }

    public static List<SchemaDifference> compare(Connection source, Connection target) throws SQLException {
        boolean sameMajor = CatalogReader.versionOf(source).majorNumber() == CatalogReader.versionOf(target).majorNumber();
        Map<String, String> expected = statements(source, sameMajor);
        Map<String, String> actual = statements(target, sameMajor);
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

    /** Each object's statements, keyed by kind and name; data entries say only that the data exists. */
    static Map<String, String> statements(Connection connection, boolean sameMajor) throws SQLException {
        ServerVersion version = CatalogReader.versionOf(connection);
        SessionSettings.applySource(connection, version);
        Snapshot.export(connection);
        try {
            Catalog catalog = new CatalogReader(connection, version).read();
            Map<String, String> byObject = new LinkedHashMap<>();
            for (Entry e : new DdlWriter(catalog, DdlOptions.DEFAULTS).entries()) {
                // A database's properties are compared whatever the two databases are called.
                String key = DatabaseProperties.KIND.equals(e.kind()) ? e.kind() : e.kind() + " " + e.name();
                List<String> statements = e.sql();
                if (!sameMajor && VersionNeutral.DEPARSED.contains(e.kind()) && !statements.isEmpty()) {
                    // The owner, comment and privileges that follow are still compared.
                    statements = new ArrayList<>(statements);
                    statements.set(0, "(definition compared between equal versions only)");
                }
                String sql = e.section() == Section.DATA && e.sql().isEmpty() ? "(rows)" : String.join(";\n", statements);
                if (!sameMajor) {
                    sql = VersionNeutral.of(sql);
                }
                byObject.merge(key, sql, (a, b) -> a + ";\n" + b);
            }
            return byObject;
        } finally {
            Snapshot.end(connection);
        }
    }
}
