package io.pgshift.sql;

import java.util.Set;

/**
 * The one place identifiers and literals are quoted. Every name pgshift writes into SQL goes through
 * {@link #ident}, so a table called {@code "Order Items"} or {@code select} survives the trip.
 */
public final class Sql {
    private Sql() {
    }

    /**
     * Words that must be quoted even when lower case. Quoting more than needed is harmless, so this
     * holds every reserved (and column-name-restricted) keyword of PostgreSQL 9.6 to 18.
     */
    private static final Set<String> KEYWORDS = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "authorization",
            "between", "bigint", "binary", "bit", "boolean", "both", "case", "cast", "char", "character",
            "check", "coalesce", "collate", "collation", "column", "concurrently", "constraint", "create",
            "cross", "current_catalog", "current_date", "current_role", "current_schema", "current_time",
            "current_timestamp", "current_user", "dec", "decimal", "default", "deferrable", "desc",
            "distinct", "do", "else", "end", "except", "exists", "extract", "false", "fetch", "float",
            "for", "foreign", "freeze", "from", "full", "grant", "greatest", "group", "grouping", "having",
            "ilike", "in", "initially", "inner", "inout", "int", "integer", "intersect", "interval", "into",
            "is", "isnull", "join", "json", "json_array", "json_arrayagg", "json_exists", "json_object",
            "json_objectagg", "json_query", "json_scalar", "json_serialize", "json_table", "json_value",
            "lateral", "leading", "least", "left", "like", "limit", "localtime", "localtimestamp",
            "merge_action", "national", "natural", "nchar", "none", "normalize", "not", "notnull", "null",
            "nullif", "numeric", "offset", "on", "only", "or", "order", "out", "outer", "overlaps",
            "overlay", "placing", "position", "precision", "primary", "real", "references", "returning",
            "right", "row", "select", "session_user", "setof", "similar", "smallint", "some", "substring",
            "symmetric", "system_user", "table", "tablesample", "then", "time", "timestamp", "to",
            "trailing", "treat", "trim", "true", "union", "unique", "user", "using", "values", "varchar",
            "variadic", "verbose", "when", "where", "window", "with", "xmlattributes", "xmlconcat",
            "xmlelement", "xmlexists", "xmlforest", "xmlnamespaces", "xmlparse", "xmlpi", "xmlroot",
            "xmlserialize", "xmltable");

    /** Quotes an identifier when PostgreSQL would not read it back unchanged without quotes. */
    public static String ident(String name) {
        if (isSafeBareIdentifier(name)) {
            return name;
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /**
     * A statement written with IF EXISTS, without it: every {@code IF EXISTS} outside quoted identifiers and
     * string literals goes, so a missing object is an error again (restore --clean without --if-exists).
     */
    public static String withoutIfExists(String statement) {
        StringBuilder out = new StringBuilder(statement.length());
        char quote = 0;
        for (int i = 0; i < statement.length(); i++) {
            char c = statement.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (statement.startsWith(" IF EXISTS ", i)) {
                i += " IF EXISTS".length() - 1;
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** {@code schema.name}, each part quoted as needed. */
    public static String qualified(String schema, String name) {
        return ident(schema) + "." + ident(name);
    }

    /** A standard-conforming string literal; backslashes are ordinary characters in it. */
    public static String literal(String value) {
        if (value == null) {
            return "NULL";
        }
        return "'" + value.replace("'", "''") + "'";
    }

    private static boolean isSafeBareIdentifier(String name) {
        if (name.isEmpty() || KEYWORDS.contains(name)) {
            return false;
        }
        char first = name.charAt(0);
        if (!(first >= 'a' && first <= 'z') && first != '_') {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
