package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

import io.pgshift.sql.Sql;

/**
 * Finds the columns of user tables that hold values of some built-in types, directly or inside an array, a
 * domain, a composite type (a table's row type included) or a range. A type that a newer server no longer
 * has, or stores differently, reaches a table in any of these ways, and each one stops the table from moving.
 */
public final class TypeUsage {
    /** A column that holds one of the types; {@code type} is how the column is declared. */
    public record ColumnUse(String schema, String table, String column, String type) {
        /** {@code "Old Stuff".events.created (abstime)}. */
        public String describe() {
            return Sql.qualified(schema, table) + "." + Sql.ident(column) + " (" + type + ")";
        }
    }

    private TypeUsage() {
    }

    /**
     * Columns of tables, partitioned tables, materialized views and foreign tables in user schemas whose type
     * contains one of the named types of schema {@code typeSchema}. Names the server does not have match nothing.
     */
    public static List<ColumnUse> columns(SourceContext context, String typeSchema, Collection<String> typeNames)
            throws SQLException {
        String names = typeNames.stream().map(Sql::literal).collect(Collectors.joining(", "));
        // What contains what, computed once: the recursive part may name the CTE only once, and a join against
        // this list is a hash join, where OR-ed conditions on pg_type made PostgreSQL rescan it for every type.
        String multiranges = context.version().atLeast(14)
                ? "\n  UNION ALL\n    SELECT r.rngmultitypid, r.rngsubtype FROM pg_catalog.pg_range r"
                : "";
        return context.list("""
                WITH RECURSIVE contains(container, contained) AS (
                    SELECT t.oid, t.typbasetype FROM pg_catalog.pg_type t WHERE t.typtype = 'd'
                  UNION ALL
                    SELECT t.oid, t.typelem FROM pg_catalog.pg_type t WHERE t.typcategory = 'A' AND t.typelem <> 0
                  UNION ALL
                    SELECT c.reltype, a.atttypid FROM pg_catalog.pg_class c
                    JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid
                    WHERE c.reltype <> 0 AND a.attnum > 0 AND NOT a.attisdropped
                  UNION ALL
                    SELECT r.rngtypid, r.rngsubtype FROM pg_catalog.pg_range r%3$s
                ), used(oid) AS (
                    SELECT t.oid FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                    WHERE n.nspname = %1$s AND t.typname IN (%2$s)
                  UNION
                    SELECT c.container FROM used u JOIN contains c ON c.contained = u.oid
                )
                SELECT n.nspname, c.relname, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type
                FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE a.atttypid IN (SELECT oid FROM used) AND a.attnum > 0 AND NOT a.attisdropped
                  AND c.relkind IN ('r', 'p', 'm', 'f') AND %4$s
                ORDER BY n.nspname, c.relname, a.attnum""".formatted(Sql.literal(typeSchema), names, multiranges,
                        SourceContext.userSchema("n.nspname")),
                rs -> new ColumnUse(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
    }
}
