package io.pgshift.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.Table;
import io.pgshift.data.SessionSettings;
import io.pgshift.verify.Fingerprint;
import io.pgshift.verify.RowHasher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a test compares between a source and a target database: every table's row count and row hash,
 * every sequence's position, and how many relations and constraints of each kind exist.
 */
public record DatabaseSnapshot(Map<String, Fingerprint> tables, Map<String, String> sequences,
                               Map<String, Integer> relationKinds, Map<String, Integer> constraintKinds) {

    /** Every table holds the same rows, every sequence is at the same position, the same relations exist. */
    public static void assertSameContent(PostgresServer source, String sourceDb, PostgresServer target, String targetDb)
            throws SQLException {
        DatabaseSnapshot expected;
        DatabaseSnapshot actual;
        try (Connection s = source.connect(sourceDb); Connection t = target.connect(targetDb)) {
            expected = of(s);
            actual = of(t);
        }
        assertThat(expected.tables()).isNotEmpty();
        assertThat(actual.tables()).isEqualTo(expected.tables());
        assertThat(actual.sequences()).isEqualTo(expected.sequences());
        assertThat(actual.relationKinds()).isEqualTo(expected.relationKinds());
        assertThat(actual.constraintKinds()).isEqualTo(expected.constraintKinds());
    }

    public static DatabaseSnapshot of(Connection connection) throws SQLException {
        var version = CatalogReader.versionOf(connection);
        SessionSettings.applySource(connection, version);
        RowHasher.prepareSession(connection);
        Map<String, Fingerprint> tables = new TreeMap<>();
        for (Table t : new CatalogReader(connection, version).tables()) {
            tables.put(t.displayName(), RowHasher.fingerprint(connection, t));
        }
        return new DatabaseSnapshot(tables, sequences(connection), counts(connection, """
                SELECT c.relkind::text, count(*) FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
                GROUP BY 1"""), counts(connection, """
                SELECT co.contype::text, count(*) FROM pg_catalog.pg_constraint co
                JOIN pg_catalog.pg_namespace n ON n.oid = co.connamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND co.contype <> 'n'
                GROUP BY 1"""));
    }

    private static Map<String, String> sequences(Connection connection) throws SQLException {
        Map<String, String> positions = new TreeMap<>();
        Map<String, Integer> names = counts(connection, """
                SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname), 0
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'S'""");
        for (String name : names.keySet()) {
            try (Statement st = connection.createStatement();
                 ResultSet rs = st.executeQuery("SELECT last_value, is_called FROM " + name)) {
                rs.next();
                positions.put(name, rs.getLong(1) + (rs.getBoolean(2) ? " called" : " not called"));
            }
        }
        return positions;
    }

    private static Map<String, Integer> counts(Connection connection, String sql) throws SQLException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                counts.put(rs.getString(1), rs.getInt(2));
            }
        }
        return counts;
    }
}
