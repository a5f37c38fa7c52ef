package io.pgshift.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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
}
