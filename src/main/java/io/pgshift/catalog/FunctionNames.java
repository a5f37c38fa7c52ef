package io.pgshift.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;

import io.pgshift.sql.Sql;

/**
 * Names of the functions an object refers to by name (a parser's, a wrapper's handler). The source only
 * supplies schema and name; pgshift quotes them, because the source's keyword list may be older than the
 * target's.
 */
final class FunctionNames {
    private FunctionNames() {
    }

    /** SQL: {@code ARRAY[schema, name]} of the function with this oid, NULL when the oid is 0. */
    static String of(String oidColumn) {
        return "(SELECT ARRAY[fn.nspname, f.proname] FROM pg_catalog.pg_proc f "
                + "JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace WHERE f.oid = " + oidColumn + ")";
    }

    /** The schema-qualified name from a column that {@link #of} produced, or null. */
    static String qualified(ResultSet rs, String column) throws SQLException {
        Array array = rs.getArray(column);
        if (array == null) {
            return null;
        }
        String[] schemaAndName = (String[]) array.getArray();
        return Sql.qualified(schemaAndName[0], schemaAndName[1]);
    }
}
