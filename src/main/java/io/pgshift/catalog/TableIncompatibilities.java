package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.sql.Sql;

/**
 * Tables that newer servers cannot recreate at all: tables WITH OIDS and columns of the types abstime, reltime
 * and tinterval (all gone in PostgreSQL 12), and columns of type unknown (refused in tables from 10 on). The
 * pre-flight check reports them before anything is written; the types only exist on the older sources, so
 * each query runs only there.
 */
public final class TableIncompatibilities {
    private static final int OIDS_AND_OLD_TIME_TYPES_REMOVED_IN = 12;
    private static final int UNKNOWN_COLUMNS_REFUSED_FROM = 10;
    private static final int GENERATED_INHERITANCE_ENFORCED_FROM = 16;

    private TableIncompatibilities() {
    }

    public static List<Incompatibility> read(SourceContext context) throws SQLException {
        List<Incompatibility> found = new ArrayList<>();
        if (context.version().atLeast(OIDS_AND_OLD_TIME_TYPES_REMOVED_IN)) {
            if (!context.version().atLeast(GENERATED_INHERITANCE_ENFORCED_FROM)) {
                found.addAll(generatedUnlikeParent(context));
            }
            return found;
        }
        found.addAll(withOids(context));
        for (TypeUsage.ColumnUse c : TypeUsage.columns(context, "pg_catalog", List.of("abstime", "reltime", "tinterval"))) {
            found.add(new Incompatibility("REMOVED-TYPE-COLUMN", "column " + c.describe(),
                    OIDS_AND_OLD_TIME_TYPES_REMOVED_IN, "uses abstime, reltime or tinterval, which PostgreSQL 12 "
                            + "removed", "change the column's type on the source (ALTER TABLE "
                            + Sql.qualified(c.schema(), c.table()) + " ALTER COLUMN " + Sql.ident(c.column())
                            + " TYPE timestamptz for abstime, interval for reltime, tstzrange for tinterval)"));
        }
        if (!context.version().atLeast(UNKNOWN_COLUMNS_REFUSED_FROM)) {
            for (TypeUsage.ColumnUse c : TypeUsage.columns(context, "pg_catalog", List.of("unknown"))) {
                found.add(new Incompatibility("UNKNOWN-COLUMN", "column " + c.describe(), UNKNOWN_COLUMNS_REFUSED_FROM,
                        "has type unknown, which PostgreSQL 10 and later do not allow in a table",
                        "change it on the source: ALTER TABLE " + Sql.qualified(c.schema(), c.table())
                                + " ALTER COLUMN " + Sql.ident(c.column()) + " TYPE text"));
            }
        }
        return found;
    }

    /**
     * An inheritance child's column that is generated where its parent's is not, or the other way round: servers
     * before 16 let ALTER TABLE ... INHERIT join them, 16 and later refuse to create such a child.
     */
    private static List<Incompatibility> generatedUnlikeParent(SourceContext context) throws SQLException {
        return context.list("""
                SELECT DISTINCT n.nspname, c.relname, a.attname, a.attgenerated <> '' AS generated
                FROM pg_catalog.pg_inherits i
                JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
                JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
                                                AND NOT pa.attisdropped
                WHERE (a.attgenerated = '') <> (pa.attgenerated = '') AND NOT c.relispartition AND %s
                ORDER BY 1, 2, 3""".formatted(SourceContext.userSchema("n.nspname")),
                rs -> {
                    String table = Sql.qualified(rs.getString(1), rs.getString(2));
                    String column = Sql.ident(rs.getString(3));
                    boolean generated = rs.getBoolean(4);
                    return new Incompatibility("GENERATED-COLUMN-UNLIKE-PARENT", "column " + table + "." + column,
                            GENERATED_INHERITANCE_ENFORCED_FROM, (generated ? "is generated while its parent's is not"
                                    : "is not generated while its parent's is") + ", which PostgreSQL 16 and later "
                                    + "refuse in an inheritance child",
                            generated ? "make it a plain column on the source (ALTER TABLE " + table + " ALTER COLUMN "
                                    + column + " DROP EXPRESSION) or leave the table out with -T"
                                    : "leave the table out with -T, or recreate it on the source with the parent's "
                                    + "generated column");
                });
    }

    private static List<Incompatibility> withOids(SourceContext context) throws SQLException {
        return context.list("""
                SELECT n.nspname, c.relname FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relhasoids AND c.relkind IN ('r', 'p') AND %s
                ORDER BY n.nspname, c.relname""".formatted(SourceContext.userSchema("n.nspname")),
                rs -> {
                    String table = Sql.qualified(rs.getString(1), rs.getString(2));
                    return new Incompatibility("TABLE-WITH-OIDS", "table " + table, OIDS_AND_OLD_TIME_TYPES_REMOVED_IN,
                            "was created WITH OIDS, which PostgreSQL 12 and later do not support",
                            "run ALTER TABLE " + table + " SET WITHOUT OIDS on the source (the hidden oid column "
                                    + "is dropped; copy its values into a column of their own first if you need them)");
                });
    }
}
