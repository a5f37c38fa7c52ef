package io.pgshift.verify;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;

import io.pgshift.catalog.Column;
import io.pgshift.catalog.Table;
import io.pgshift.sql.Sql;

/**
 * Computes a {@link Fingerprint} inside the server, so rows never travel to the client. Each row is hashed
 * with md5 and the first 64 bits of every hash, read as a signed bigint, are summed: the sum does not depend on
 * row order, so source and target need not agree on a physical order, and no sort is needed.
 * <p>
 * The sum is exact ({@code sum(bigint)} returns numeric), not an exclusive or: with xor a row that appears
 * twice cancels out, so a target that lost both copies of a duplicated row and holds two copies of another
 * instead would pass. A sum counts every copy. Being a sum, it also adds up over ranges: the fingerprints of
 * ranges that together hold every row once add up to the table's.
 * <p>
 * The text form of a value must be the same on both servers. Floating-point output changed in
 * PostgreSQL 12, so float columns are hashed from their binary form, which is exact and stable.
 */
public final class RowHasher {
    private RowHasher() {
    }

    /** Session settings that make text output identical across versions; run once per session. */
    public static void prepareSession(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET extra_float_digits = 0; SET DateStyle = ISO; SET IntervalStyle = postgres; "
                    + "SET TimeZone = 'UTC'; SET bytea_output = hex; SET lc_monetary = 'C'");
        }
    }

    /** Every row of the table, every column. */
    public static Fingerprint fingerprint(Connection connection, Table table) throws SQLException {
        return fingerprint(connection, table, table.columns(), null);
    }

    /**
     * The rows of the table that satisfy {@code range} (all rows when null), hashing {@code columns} in the given
     * order; both servers must be given the same column names in the same order.
     */
    static Fingerprint fingerprint(Connection connection, Table table, List<Column> columns, String range)
            throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery(query(table, columns, range))) {
            rs.next();
            return new Fingerprint(rs.getLong(1), rs.getString(2));
        }
    }

    static String query(Table table, List<Column> columns, String range) {
        String row = columns.isEmpty() ? "''" : columns.stream().map(RowHasher::valueText)
                .collect(Collectors.joining(" || ',' || "));
        return "SELECT pg_catalog.count(*), COALESCE(pg_catalog.sum(('x' || pg_catalog.substr(pg_catalog.md5("
                + row + "), 1, 16))::bit(64)::bigint), 0)::text FROM ONLY " + Sql.qualified(table.schema(), table.name())
                + " t" + (range == null ? "" : " WHERE " + range);
    }

    private static String valueText(Column c) {
        String column = "t." + Sql.ident(c.name());
        String text = switch (c.type()) {
            case "double precision", "real" ->
                    "pg_catalog.encode(pg_catalog.float8send(" + column + "::double precision), 'hex')";
            default -> column + "::text";
        };
        return "pg_catalog.quote_nullable(" + text + ")";
    }
}
