package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a catalog query and maps each row; keeps JDBC boilerplate out of the readers.
 * <p>
 * The readers fetch comments with a subquery on pg_description, not obj_description() or col_description():
 * those are SQL functions, run through the function executor once per row, which cost a fifth of the catalog
 * read on a schema of thousands of tables.
 */
public final class Queries {
    private Queries() {
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static <T> List<T> list(Connection connection, String sql, RowMapper<T> mapper) throws SQLException {
        List<T> rows = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(mapper.map(rs));
            }
        }
        return rows;
    }

    static String single(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A one-character catalog column ("char"), or 0 when it is empty or null. */
    public static char charOf(ResultSet rs, String column) throws SQLException {
        String value = rs.getString(column);
        return value == null || value.isEmpty() ? 0 : value.charAt(0);
    }

    /** SQL condition: the object with this oid in this catalog is not a member of an extension. */
    static String notExtensionMember(String catalog, String oidExpression) {
        return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend e WHERE e.classid = 'pg_catalog." + catalog
                + "'::pg_catalog.regclass AND e.objid = " + oidExpression + " AND e.deptype = 'e')";
    }

    /**
     * SQL expression that renders a text[] of {@code name=value} options (reloptions, attoptions) as
     * {@code name='value', ...}, ready for WITH (...) or SET (...): values are quoted, so any value reads back
     * as it was. Empty when there are none.
     */
    static String options(String arrayColumn) {
        return options(arrayColumn, "");
    }

    /** As {@link #options(String)}, each name after a prefix such as {@code toast.}. */
    static String options(String arrayColumn, String prefix) {
        return "pg_catalog.array_to_string(ARRAY(SELECT '" + prefix + "' || "
                + "pg_catalog.quote_ident(pg_catalog.split_part(o, '=', 1)) "
                + "|| '=' || pg_catalog.quote_literal(pg_catalog.substr(o, pg_catalog.strpos(o, '=') + 1)) "
                + "FROM pg_catalog.unnest(" + arrayColumn + ") o), ', ')";
    }

    static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** SQL condition on a namespace name column: not a system schema. */
    static String userSchema(String nspnameColumn) {
        return nspnameColumn + " NOT IN ('pg_catalog', 'information_schema') AND " + nspnameColumn
                + " !~ '^pg_(toast|temp_|toast_temp_)'";
    }

    /** A text[] column as a list; none for NULL. */
    static List<String> strings(java.sql.Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
