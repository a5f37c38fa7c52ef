package io.pgshift.check;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.catalog.SourceContext;

/**
 * What the source database holds that shapes the migration without stopping it: large objects and tables without
 * a primary key.
 */
final class InventoryCheck {
    private static final int NAMED = 10;

    private InventoryCheck() {
    }

    static List<Finding> check(DatabasePair db) throws SQLException {
        SourceContext context = db.sourceContext();
        List<Finding> found = new ArrayList<>();
        long largeObjects = context.list("SELECT pg_catalog.count(*) FROM pg_catalog.pg_largeobject_metadata",
                rs -> rs.getLong(1)).get(0);
        if (largeObjects > 0) {
            found.add(FindingCode.LARGE_OBJECTS.info(db.name(), List.of(), "the database holds " + largeObjects
                    + " large object" + (largeObjects == 1 ? "" : "s") + "; they are copied one by one after the "
                    + "tables, so very many of them lengthen the copy"));
        }
        String notPartition = db.sourceVersion().atLeast(10) ? "AND NOT c.relispartition" : "";
        List<String> noKey = context.list("""
                SELECT pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname)
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') %s AND %s AND %s
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint k WHERE k.conrelid = c.oid AND k.contype = 'p')
                ORDER BY n.nspname, c.relname""".formatted(notPartition, SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_class", "c.oid")), rs -> rs.getString(1));
        if (!noKey.isEmpty()) {
            found.add(FindingCode.TABLES_WITHOUT_PRIMARY_KEY.info(db.name(), noKey.subList(0, Math.min(NAMED,
                    noKey.size())), noKey.size() + " table" + (noKey.size() == 1 ? " has" : "s have") + " no primary "
                    + "key (" + String.join(", ", noKey.subList(0, Math.min(3, noKey.size())))
                    + (noKey.size() > 3 ? ", ..." : "") + "): dump and restore copies them as they are, but an "
                    + "online method (logical replication) needs a key or REPLICA IDENTITY FULL on each"));
        }
        return found;
    }
}
