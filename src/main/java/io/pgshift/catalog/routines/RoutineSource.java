package io.pgshift.catalog.routines;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import io.pgshift.catalog.Incompatibility;
import io.pgshift.catalog.ObjectDef;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ObjectSource;
import io.pgshift.catalog.SourceContext;
import io.pgshift.sql.Sql;
import io.pgshift.object.Section;
import io.pgshift.object.Kind;

/**
 * Functions and procedures (11+), window functions included. The server writes each definition itself with
 * pg_get_functiondef, which on every version from 9.6 prints all attributes: volatility, strictness,
 * SECURITY DEFINER, LEAKPROOF, PARALLEL, COST, ROWS, SUPPORT (12+), TRANSFORM, SET clauses and the body,
 * SQL-standard bodies (14+) included. Aggregates are left to {@link AggregateSource}: pg_get_functiondef
 * refuses them.
 */
public final class RoutineSource implements ObjectSource {

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        Map<Long, Set<ObjectRef>> types = TypeDependencies.of(context, "pg_proc");
        String kind = Routines.kind(context.version());
        return context.list("""
                SELECT p.oid, n.nspname, p.proname, %1$s AS kind,
                       pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments,
                       pg_catalog.pg_get_functiondef(p.oid) AS definition,
                       pg_catalog.pg_get_userbyid(p.proowner) AS owner,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = p.oid AND cmt.classoid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment, %2$s AS acl
                FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                WHERE %1$s <> 'a' AND %3$s AND %4$s AND %5$s
                ORDER BY n.nspname, p.proname, p.oid""".formatted(kind, SourceContext.aclJson("p.proacl", 'f', "p.proowner"),
                        SourceContext.userSchema("n.nspname"), SourceContext.notExtensionMember("pg_proc", "p.oid"),
                        Routines.notPartOfAnotherObject("p.oid")),
                rs -> {
                    long oid = rs.getLong("oid");
                    String schema = rs.getString("nspname");
                    Kind keyword = "p".equals(rs.getString("kind")) ? Kind.PROCEDURE : Kind.FUNCTION;
                    String signature = Sql.qualified(schema, rs.getString("proname")) + "(" + rs.getString("arguments")
                            + ")";
                    return ObjectDef.of(ObjectRef.of("pg_proc", oid), keyword, schema,
                                    schema + "." + rs.getString("proname") + "(" + rs.getString("arguments") + ")",
                                    keyword + " " + signature, Section.PRE_DATA,
                                    List.of(rs.getString("definition").strip()))
                            .withOwner(rs.getString("owner"))
                            .withComment(rs.getString("comment"))
                            .withAcl(null, rs.getString("acl"))
                            .withDependencies(types.getOrDefault(oid, Set.of()));
                });
    }

    /** Functions and procedures whose SET clauses name a parameter that newer servers removed. */
    @Override
    public List<Incompatibility> incompatibilities(SourceContext context) throws SQLException {
        String removed = RemovedSettings.FIRST_MAJOR_WITHOUT.keySet().stream().sorted().map(Sql::literal)
                .collect(Collectors.joining(", "));
        String kind = Routines.kind(context.version());
        return context.list("""
                SELECT n.nspname, p.proname, %1$s AS kind,
                       pg_catalog.pg_get_function_identity_arguments(p.oid) AS arguments, s.name
                FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace,
                     LATERAL (SELECT pg_catalog.lower(pg_catalog.split_part(c, '=', 1)) AS name
                              FROM pg_catalog.unnest(p.proconfig) c) s
                WHERE s.name IN (%2$s) AND %3$s AND %4$s
                ORDER BY n.nspname, p.proname, s.name""".formatted(kind, removed, SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_proc", "p.oid")),
                rs -> {
                    Kind keyword = "p".equals(rs.getString("kind")) ? Kind.PROCEDURE : Kind.FUNCTION;
                    String routine = Sql.qualified(rs.getString("nspname"), rs.getString("proname")) + "("
                            + rs.getString("arguments") + ")";
                    String setting = rs.getString("name");
                    int removedIn = RemovedSettings.FIRST_MAJOR_WITHOUT.get(setting);
                    return new Incompatibility("ROUTINE-SETS-REMOVED-PARAMETER", keyword.inWords() + " " + routine, removedIn,
                            "sets " + setting + ", which PostgreSQL " + removedIn + " and later do not know",
                            "remove it on the source with ALTER " + keyword + " " + routine + " RESET " + setting
                                    + " before copying");
                });
    }
}
