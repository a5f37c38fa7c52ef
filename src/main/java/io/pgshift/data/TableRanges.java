package io.pgshift.data;

import java.math.BigInteger;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.Table;
import io.pgshift.sql.Sql;

/**
 * Cuts a table into row ranges that separate sessions can copy at the same time. Together the ranges cover
 * every row exactly once: each is a half-open interval of one ordered value, the first starts at the bottom
 * and the last has no upper bound.
 * <p>
 * From PostgreSQL 14 the value is the row's ctid, which a TID range scan reads without touching other pages;
 * the last range is open-ended because pages may have been added since the table's size was read. Older
 * servers would scan the whole table for each ctid range, so there the value is a single-column integer
 * primary key, its bounds taken from min and max in the caller's snapshot. A table with neither is not cut.
 */
public final class TableRanges {
    private static final String INTEGER_KEY = """
            SELECT a.attname FROM pg_catalog.pg_constraint co
            JOIN pg_catalog.pg_attribute a ON a.attrelid = co.conrelid AND a.attnum = co.conkey[1]
            WHERE co.conrelid = ? AND co.contype = 'p' AND pg_catalog.array_length(co.conkey, 1) = 1
              AND a.atttypid IN ('pg_catalog.int2'::pg_catalog.regtype, 'pg_catalog.int4'::pg_catalog.regtype,
                                 'pg_catalog.int8'::pg_catalog.regtype)""";

    private TableRanges() {
    }

    /**
     * The WHERE conditions of at most {@code parts} ranges, or an empty list when the table cannot be cut
     * (or is too small to make two ranges). Run inside the snapshot the parts will be read in, so the key's
     * bounds are the ones the copy sees.
     */
    public static List<String> split(Connection source, ServerVersion version, Table table, int parts)
            throws SQLException {
        if (parts < 2 || table.copyColumns().isEmpty() || table.layout().loadThrough() != null
                || table.layout().isPartitioned()) {
            return List.of();
        }
        if (version.atLeast(14) && isHeap(table)) {
            long pages = table.bytes() / blockSize(source);
            return byCtid(pages, parts);
        }
        String key = integerKey(source, table.oid());
        if (key == null) {
            return List.of();
        }
        String column = Sql.ident(key);
        try (Statement st = source.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.min(" + column + ")::text, pg_catalog.max(" + column
                     + ")::text FROM ONLY " + Sql.qualified(table.schema(), table.name()))) {
            rs.next();
            if (rs.getString(1) == null) {
                return List.of();
            }
            return byKey(column, new BigInteger(rs.getString(1)), new BigInteger(rs.getString(2)), parts);
        }
    }

    /** Ranges of whole pages; page numbers in a ctid literal are unsigned 32-bit, so a long holds them. */
    static List<String> byCtid(long pages, int parts) {
        int n = (int) Math.min(parts, pages);
        List<String> bounds = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            bounds.add("'(" + pages * i / n + ",0)'::pg_catalog.tid");
        }
        return ranges("ctid", bounds);
    }

    /** Ranges of equal width between the smallest and largest key; BigInteger because max - min can overflow. */
    static List<String> byKey(String column, BigInteger min, BigInteger max, int parts) {
        BigInteger width = max.subtract(min).add(BigInteger.ONE);
        int n = width.min(BigInteger.valueOf(parts)).intValueExact();
        List<String> bounds = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            bounds.add(min.add(width.multiply(BigInteger.valueOf(i)).divide(BigInteger.valueOf(n))).toString());
        }
        return ranges(column, bounds);
    }

    private static List<String> ranges(String column, List<String> bounds) {
        if (bounds.isEmpty()) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>();
        conditions.add(column + " < " + bounds.get(0));
        for (int i = 1; i < bounds.size(); i++) {
            conditions.add(column + " >= " + bounds.get(i - 1) + " AND " + column + " < " + bounds.get(i));
        }
        conditions.add(column + " >= " + bounds.get(bounds.size() - 1));
        return conditions;
    }

    /** Other table access methods may not number their rows by page, and need not support TID range scans. */
    private static boolean isHeap(Table table) {
        String am = table.layout().accessMethod();
        return am == null || am.equals("heap");
    }

    private static long blockSize(Connection source) throws SQLException {
        try (Statement st = source.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.current_setting('block_size')")) {
            rs.next();
            return Long.parseLong(rs.getString(1));
        }
    }

    private static String integerKey(Connection source, long tableOid) throws SQLException {
        try (PreparedStatement ps = source.prepareStatement(INTEGER_KEY)) {
            ps.setLong(1, tableOid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
