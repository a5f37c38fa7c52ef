package io.pgshift.catalog.routines;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.Incompatibility;
import io.pgshift.catalog.ObjectDef;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ObjectSource;
import io.pgshift.catalog.SourceContext;
import io.pgshift.sql.Sql;
import io.pgshift.object.Section;

import static io.pgshift.catalog.routines.CatalogSql.function;
import static io.pgshift.catalog.routines.CatalogSql.operator;
import static io.pgshift.catalog.routines.CatalogSql.type;
import io.pgshift.object.Kind;

/**
 * Operators: binary, prefix, and the postfix ones PostgreSQL 14 removed. A commutator or negator may name an
 * operator that is created later, or never: the server then makes a shell operator, which the later CREATE
 * OPERATOR fills in. Shells the source still has (oprcode 0) are not copied, for the same reason.
 */
public final class OperatorSource implements ObjectSource {
    /** PostgreSQL 14 removed postfix (right-unary) operators. */
    private static final int POSTFIX_REMOVED_IN = 14;

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        Map<Long, Set<ObjectRef>> types = TypeDependencies.of(context, "pg_operator");
        // CREATE OPERATOR took PROCEDURE before 11, which still accepts it as a synonym of FUNCTION.
        String functionKeyword = context.version().atLeast(11) ? "FUNCTION" : "PROCEDURE";
        return context.list("""
                SELECT o.oid, n.nspname, o.oprname, o.oprkind, %s AS lefttype, %s AS righttype,
                       %s AS function, %s AS commutator, %s AS negator, o.oprcanmerge, o.oprcanhash,
                       %s AS restrict_estimator, %s AS join_estimator,
                       (SELECT c.oprnamespace FROM pg_catalog.pg_operator c WHERE c.oid = o.oprcom) AS commutator_schema,
                       (SELECT c.oprnamespace FROM pg_catalog.pg_operator c WHERE c.oid = o.oprnegate) AS negator_schema,
                       pg_catalog.pg_get_userbyid(o.oprowner) AS owner,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = o.oid AND cmt.classoid = 'pg_catalog.pg_operator'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
                WHERE o.oprcode <> 0 AND %s AND %s
                ORDER BY n.nspname, o.oprname, o.oid""".formatted(type("o.oprleft"), type("o.oprright"),
                        function("o.oprcode::pg_catalog.oid"), operator("o.oprcom"), operator("o.oprnegate"),
                        function("o.oprrest::pg_catalog.oid"), function("o.oprjoin::pg_catalog.oid"),
                        SourceContext.userSchema("n.nspname"), SourceContext.notExtensionMember("pg_operator", "o.oid")),
                rs -> {
                    long oid = rs.getLong("oid");
                    String schema = rs.getString("nspname");
                    String name = Sql.ident(schema) + "." + rs.getString("oprname");
                    String signature = name + " (" + orNone(rs.getString("lefttype")) + ", "
                            + orNone(rs.getString("righttype")) + ")";
                    // A commutator or negator that does not exist yet is made as a shell in its schema.
                    Set<ObjectRef> needs = new HashSet<>(types.getOrDefault(oid, Set.of()));
                    for (String linked : List.of("commutator_schema", "negator_schema")) {
                        if (rs.getLong(linked) != 0) {
                            needs.add(ObjectRef.namespace(rs.getLong(linked)));
                        }
                    }
                    return ObjectDef.of(ObjectRef.of("pg_operator", oid), Kind.OPERATOR, schema,
                                    schema + "." + rs.getString("oprname") + " (" + orNone(rs.getString("lefttype"))
                                            + ", " + orNone(rs.getString("righttype")) + ")",
                                    "OPERATOR " + signature, Section.PRE_DATA,
                                    List.of("CREATE OPERATOR " + name + " (\n    "
                                            + String.join(",\n    ", options(rs, functionKeyword)) + "\n)"))
                            .withOwner(rs.getString("owner"))
                            .withComment(rs.getString("comment"))
                            .withDependencies(needs);
                });
    }

    /** Postfix operators, which targets from PostgreSQL 14 on cannot create. */
    @Override
    public List<Incompatibility> incompatibilities(SourceContext context) throws SQLException {
        if (context.version().atLeast(POSTFIX_REMOVED_IN)) {
            return List.of();
        }
        return context.list("""
                SELECT n.nspname, o.oprname, %s AS lefttype
                FROM pg_catalog.pg_operator o JOIN pg_catalog.pg_namespace n ON n.oid = o.oprnamespace
                WHERE o.oprkind = 'r' AND o.oprcode <> 0 AND %s AND %s
                ORDER BY n.nspname, o.oprname""".formatted(type("o.oprleft"), SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_operator", "o.oid")),
                rs -> new Incompatibility("POSTFIX-OPERATOR", "operator " + Sql.ident(rs.getString("nspname")) + "." + rs.getString("oprname")
                        + " (" + rs.getString("lefttype") + ", NONE)", POSTFIX_REMOVED_IN,
                        "is a postfix operator, which PostgreSQL " + POSTFIX_REMOVED_IN + " and later do not support",
                        "drop it on the source, or replace it with a prefix operator or a function, before copying"));
    }

    private static List<String> options(ResultSet rs, String functionKeyword) throws SQLException {
        List<String> options = new ArrayList<>();
        options.add(functionKeyword + " = " + rs.getString("function"));
        if (rs.getString("lefttype") != null) {
            options.add("LEFTARG = " + rs.getString("lefttype"));
        }
        if (rs.getString("righttype") != null) {
            options.add("RIGHTARG = " + rs.getString("righttype"));
        }
        if (rs.getString("commutator") != null) {
            options.add("COMMUTATOR = " + rs.getString("commutator"));
        }
        if (rs.getString("negator") != null) {
            options.add("NEGATOR = " + rs.getString("negator"));
        }
        if (rs.getBoolean("oprcanmerge")) {
            options.add("MERGES");
        }
        if (rs.getBoolean("oprcanhash")) {
            options.add("HASHES");
        }
        if (rs.getString("restrict_estimator") != null) {
            options.add("RESTRICT = " + rs.getString("restrict_estimator"));
        }
        if (rs.getString("join_estimator") != null) {
            options.add("JOIN = " + rs.getString("join_estimator"));
        }
        return options;
    }

    private static String orNone(String type) {
        return type == null ? "NONE" : type;
    }
}
