package io.pgshift.catalog.types;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.SourceContext;
import io.pgshift.sql.Sql;
import io.pgshift.object.Kind;

/**
 * Composite types made by CREATE TYPE ... AS (...): the row types of tables and views are not, they come
 * with their relation. A composite type's attributes live in pg_attribute under its pg_class row, and so do
 * their dependencies; the type is therefore known by that row (DependencyReader folds row types onto it).
 */
final class CompositeTypes {
    private CompositeTypes() {
    }

    private record Attribute(String name, String type, String collation, String comment) {
    }

    static List<ObjectDef> read(SourceContext context) throws SQLException {
        Map<Long, List<Attribute>> attributes = attributes(context);
        return context.list("""
                SELECT %s, t.typrelid
                %s
                ORDER BY t.oid""".formatted(TypeHeader.COLUMNS, TypeHeader.from("t.typtype = 'c' AND EXISTS "
                        + "(SELECT 1 FROM pg_catalog.pg_class c WHERE c.oid = t.typrelid AND c.relkind = 'c')")),
                rs -> {
                    TypeHeader type = TypeHeader.read(rs);
                    long relation = rs.getLong("typrelid");
                    return type.definition(Kind.TYPE, ObjectRef.relation(relation),
                            create(type, attributes.getOrDefault(relation, List.of())));
                });
    }

    private static List<String> create(TypeHeader type, List<Attribute> attributes) {
        List<String> elements = new ArrayList<>();
        for (Attribute a : attributes) {
            elements.add("\n    " + Sql.ident(a.name()) + " " + a.type()
                    + (a.collation() != null ? " COLLATE " + a.collation() : ""));
        }
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TYPE " + type.qualifiedName() + " AS (" + String.join(",", elements)
                + (attributes.isEmpty() ? "" : "\n") + ")");
        for (Attribute a : attributes) {
            if (a.comment() != null) {
                sql.add("COMMENT ON COLUMN " + type.qualifiedName() + "." + Sql.ident(a.name()) + " IS "
                        + Sql.literal(a.comment()));
            }
        }
        return sql;
    }

    /** Attributes by the type's pg_class oid, in order; dropped ones are gone for good. */
    private static Map<Long, List<Attribute>> attributes(SourceContext context) throws SQLException {
        Map<Long, List<Attribute>> byRelation = new HashMap<>();
        context.list("""
                SELECT a.attrelid, a.attname, pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
                       CASE WHEN a.attcollation <> at.typcollation THEN %s END AS collation,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = a.attrelid AND cmt.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cmt.objsubid = a.attnum) AS comment
                FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_type at ON at.oid = a.atttypid
                WHERE c.relkind = 'c' AND a.attnum > 0 AND NOT a.attisdropped AND %s
                ORDER BY a.attrelid, a.attnum""".formatted(Names.collation("a.attcollation"),
                        SourceContext.userSchema("n.nspname")),
                rs -> byRelation.computeIfAbsent(rs.getLong("attrelid"), k -> new ArrayList<>())
                        .add(new Attribute(rs.getString("attname"), rs.getString("type"),
                                Names.qualified(rs, "collation"), rs.getString("comment"))));
        return byRelation;
    }
}
