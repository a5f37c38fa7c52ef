package io.pgshift.check;

import java.sql.SQLException;
import java.util.List;

import io.pgshift.catalog.SourceContext;

/**
 * A source database's size, and its largest table that the source user may read: the throughput probe reads
 * the largest table of all, where sequential reading is least disturbed by per-table overhead.
 *
 * @param largestTable  quoted, qualified name, or null when the database has no readable table with rows
 * @param tableBytes    the largest table's main fork size
 * @param tableRows     its estimated row count (reltuples; 0 or less when never analysed)
 */
record DatabaseSize(String database, long bytes, String largestTable, long tableBytes, double tableRows) {

    static DatabaseSize read(DatabasePair db) throws SQLException {
        SourceContext context = db.sourceContext();
        long bytes = context.list("SELECT pg_catalog.pg_database_size(pg_catalog.current_database())",
                rs -> rs.getLong(1)).get(0);
        List<DatabaseSize> largest = context.list("""
                SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname),
                       pg_catalog.pg_relation_size(c.oid), c.reltuples
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND %s AND pg_catalog.has_table_privilege(c.oid, 'SELECT')
                  AND pg_catalog.pg_relation_size(c.oid) > 0
                ORDER BY pg_catalog.pg_relation_size(c.oid) DESC LIMIT 1""".formatted(
                        SourceContext.userSchema("n.nspname")),
                rs -> new DatabaseSize(db.name(), bytes, rs.getString(1), rs.getLong(2), rs.getDouble(3)));
        return largest.isEmpty() ? new DatabaseSize(db.name(), bytes, null, 0, 0) : largest.get(0);
    }
}
