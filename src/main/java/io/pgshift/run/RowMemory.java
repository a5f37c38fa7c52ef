package io.pgshift.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.Sizes;
import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.SourceContext;
import io.pgshift.catalog.Table;
import io.pgshift.object.ObjectRef;
import io.pgshift.sql.Sql;

/**
 * Before a copy or a dump reads any row: PgJDBC hands over each row of a COPY whole, so the largest row must fit in
 * the JVM's heap, once per session that moves rows at the same time. A row that does not fit would end the run
 * halfway with an OutOfMemoryError; found here, it ends it before anything is written, naming the row's table, its
 * size and the heap it needs.
 * <p>
 * Reading every row's size would read the whole source twice. Only tables whose values can be that large are read:
 * a row kept in its table's pages is at most a page, and a value kept out of line lies in the table's TOAST
 * relation, compressed at most about 256 to 1 (lz4's and pglz's bound). So a table whose TOAST relation is smaller
 * than the budget over 256 cannot hold a row over the budget. In the others, each row's size is summed from its
 * values' sizes, which PostgreSQL keeps in their headers: their contents are not read.
 */
final class RowMemory {
    /** What the heap keeps for the catalog, the plan and the buffers, besides the rows in flight. */
    private static final long RESERVE = 64L << 20;
    /** PostgreSQL refuses to send a COPY row over 1 GB, so a budget this large needs no check. */
    private static final long LARGEST_COPY_ROW = 1L << 30;
    private static final int MOST_COMPRESSION = 256;

    private RowMemory() {
    }

    /**
     * The largest row each of {@code sessions} sessions can hold at once in this JVM's heap: a row is read whole
     * and, while it is written on, may be held twice.
     */
    static long budget(int sessions) {
        return Math.max(0, Runtime.getRuntime().maxMemory() - RESERVE) / (2L * Math.max(1, sessions));
    }

    /**
     * @param sessions how many sessions move rows at once (--jobs)
     * @throws PgShiftException CHECK_FAILED naming the table whose largest row is over the budget
     */
    static void require(SourceContext source, Catalog catalog, Set<ObjectRef> noData, int sessions)
            throws SQLException {
        long budget = budget(sessions);
        Found largest = largestOver(source.connection(), catalog, noData, budget);
        if (largest != null) {
            throw new PgShiftException(ErrorCode.CHECK_FAILED, "table " + largest.table() + " holds a row of "
                    + Sizes.bytes(largest.bytes()) + ", and this JVM's heap of "
                    + Sizes.bytes(Runtime.getRuntime().maxMemory()) + " carries rows of at most "
                    + Sizes.bytes(budget) + " with " + sessions + " sessions moving rows at once (each row is read "
                    + "whole); nothing was written: give the JVM about " + Sizes.bytes(heapFor(largest.bytes(),
                    sessions)) + " (PGSHIFT_JAVA_OPTS=-Xmx...) or run fewer --jobs");
        }
    }

    /** The heap that carries a row of this size in each of the sessions. */
    static long heapFor(long rowBytes, int sessions) {
        return RESERVE + 2L * Math.max(1, sessions) * rowBytes;
    }

    /** A table and the size of its largest row. */
    record Found(String table, long bytes) {
    }

    /** The first table (largest rows first) with a row over the budget, or null. */
    static Found largestOver(Connection source, Catalog catalog, Set<ObjectRef> noData, long budget)
            throws SQLException {
        if (budget >= LARGEST_COPY_ROW) {
            return null;
        }
        Map<Long, Table> read = new HashMap<>();
        for (Table t : catalog.tables()) {
            if (t.hasRows() && !noData.contains(ObjectRef.dataOf(t.oid()))) {
                read.put(t.oid(), t);
            }
        }
        Found largest = null;
        for (Table t : mayHoldRowsOver(source, read, budget / MOST_COMPRESSION)) {
            long bytes = largestRow(source, t);
            if (bytes > budget && (largest == null || bytes > largest.bytes())) {
                largest = new Found(t.displayName(), bytes);
            }
        }
        return largest;
    }

    private static List<Table> mayHoldRowsOver(Connection source, Map<Long, Table> tables, long toast)
            throws SQLException {
        List<Table> found = new ArrayList<>();
        if (tables.isEmpty()) {
            return found;
        }
        try (PreparedStatement st = source.prepareStatement("SELECT c.oid FROM pg_catalog.pg_class c "
                + "WHERE c.oid = ANY (?) AND c.reltoastrelid <> 0 "
                + "AND pg_catalog.pg_relation_size(c.reltoastrelid) > ?")) {
            st.setArray(1, source.createArrayOf("oid", tables.keySet().toArray()));
            st.setLong(2, toast);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    found.add(tables.get(rs.getLong(1)));
                }
            }
        }
        return found;
    }

    /**
     * The table's largest row, summed from its variable-length values: text and bytea by their size once
     * decompressed, which their headers record; other types (jsonb, arrays) by their stored size.
     */
    private static long largestRow(Connection source, Table t) throws SQLException {
        List<String> sizes = new ArrayList<>();
        try (PreparedStatement st = source.prepareStatement("SELECT a.attname, a.atttypid IN ("
                + "'pg_catalog.text'::pg_catalog.regtype, 'pg_catalog.bytea'::pg_catalog.regtype, "
                + "'pg_catalog.varchar'::pg_catalog.regtype, 'pg_catalog.bpchar'::pg_catalog.regtype) "
                + "FROM pg_catalog.pg_attribute a WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped "
                + "AND a.attlen = -1 ORDER BY a.attnum")) {
            st.setLong(1, t.oid());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    String column = Sql.ident(rs.getString(1));
                    sizes.add("coalesce(" + (rs.getBoolean(2) ? "pg_catalog.octet_length(" + column + ")"
                            : "pg_catalog.pg_column_size(" + column + ")") + ", 0)");
                }
            }
        }
        if (sizes.isEmpty()) {
            return 0;
        }
        try (PreparedStatement st = source.prepareStatement("SELECT coalesce(max(" + String.join(" + ", sizes)
                + "), 0) FROM ONLY " + Sql.qualified(t.schema(), t.name()));
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
