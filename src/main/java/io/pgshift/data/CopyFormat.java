package io.pgshift.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pgshift.catalog.Column;
import io.pgshift.catalog.Table;

/**
 * Chooses between binary and text COPY for a table. Binary COPY skips printing and parsing every value, but
 * it is only safe where both servers agree on every column's binary form: built-in types (fixed oids below
 * 16384) that have send and receive functions. reg* types are excluded because their binary form is an oid,
 * which differs between servers, while their text form is a name. xml is excluded because its columns are
 * read as text (see {@link CopyStatements#source}). Everything else (enums, domains,
 * composites and arrays of user types, extension types) goes as text.
 */
public final class CopyFormat {
    public static final String TEXT = "text";
    public static final String BINARY = "binary";

    private static final String ALL_COLUMNS_BINARY_SAFE = """
            SELECT COALESCE(pg_catalog.bool_and(t.oid < 16384 AND t.typsend::oid <> 0 AND t.typreceive::oid <> 0
                                                AND t.typname !~ '^_?reg'
                                                AND t.oid <> 'pg_catalog.xml'::pg_catalog.regtype), false)
            FROM pg_catalog.pg_attribute a JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped""";

    /** Each column's type by number, domains followed down to the type whose binary form their values have. */
    private static final String COLUMN_TYPES = """
            WITH RECURSIVE base(attnum, oid) AS (
                SELECT a.attnum, a.atttypid FROM pg_catalog.pg_attribute a
                WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
                UNION ALL
                SELECT b.attnum, t.typbasetype FROM base b JOIN pg_catalog.pg_type t ON t.oid = b.oid
                WHERE t.typtype = 'd')
            SELECT b.attnum, t.typname FROM base b JOIN pg_catalog.pg_type t ON t.oid = b.oid
            WHERE t.typtype <> 'd'""";

    private CopyFormat() {
    }

    /** The format to copy the table with, decided on the source, whose types the target shares. */
    public static String choose(Connection source, long tableOid) throws SQLException {
        try (PreparedStatement ps = source.prepareStatement(ALL_COLUMNS_BINARY_SAFE)) {
            ps.setLong(1, tableOid);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1) ? BINARY : TEXT;
            }
        }
    }

    /**
     * The types of the columns a binary COPY of the table holds, in its order ({@link CopyStatements#target}), as
     * pg_type names them, domains resolved: what a dump records so that its binary rows can be printed as text
     * later ({@link BinaryCopyText}), away from any server.
     */
    public static List<String> columnTypes(Connection source, Table table) throws SQLException {
        Map<Integer, String> byNumber = new HashMap<>();
        try (PreparedStatement ps = source.prepareStatement(COLUMN_TYPES)) {
            ps.setLong(1, table.oid());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byNumber.put(rs.getInt(1), rs.getString(2));
                }
            }
        }
        return table.copyColumns().stream().map(Column::number).map(byNumber::get).toList();
    }
}
