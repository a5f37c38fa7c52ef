package io.pgshift.catalog.types;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.pgshift.sql.Sql;

/**
 * Names of catalog objects that a definition refers to (a function, a collation, an operator class). The
 * query returns each as a {@code {schema, name}} text array and the name is quoted here, with the same
 * rules as every other name pgshift writes: the source server's quote_ident only knows the source's
 * keywords, and a word reserved on a newer target would then break the statement.
 */
final class Names {
    private Names() {
    }

    /** SQL: the {schema, name} of the function with this oid, or NULL for 0. */
    static String function(String oidExpression) {
        return of("pg_catalog.pg_proc", "proname", "pronamespace", oidExpression);
    }

    static String collation(String oidExpression) {
        return of("pg_catalog.pg_collation", "collname", "collnamespace", oidExpression);
    }

    static String operatorClass(String oidExpression) {
        return of("pg_catalog.pg_opclass", "opcname", "opcnamespace", oidExpression);
    }

    static String type(String oidExpression) {
        return of("pg_catalog.pg_type", "typname", "typnamespace", oidExpression);
    }

    private static String of(String catalog, String nameColumn, String namespaceColumn, String oidExpression) {
        return "(SELECT ARRAY[ns.nspname::text, x." + nameColumn + "::text] FROM " + catalog + " x "
                + "JOIN pg_catalog.pg_namespace ns ON ns.oid = x." + namespaceColumn + " WHERE x.oid = "
                + oidExpression + ")";
    }

    /** The column's {schema, name} as a qualified name, or null. */
    static String qualified(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return null;
        }
        String[] parts = (String[]) array.getArray();
        return Sql.qualified(parts[0], parts[1]);
    }

    /** A text[] column as a Java array; empty for NULL. */
    static String[] texts(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        return array == null ? new String[0] : (String[]) array.getArray();
    }
}
