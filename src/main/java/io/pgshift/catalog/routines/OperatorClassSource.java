package io.pgshift.catalog.routines;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ObjectSource;
import io.pgshift.catalog.SourceContext;
import io.pgshift.sql.Sql;
import io.pgshift.object.Section;

import static io.pgshift.catalog.routines.CatalogSql.functionWithArguments;
import static io.pgshift.catalog.routines.CatalogSql.operatorFamily;
import static io.pgshift.catalog.routines.CatalogSql.operatorWithArguments;
import static io.pgshift.catalog.routines.CatalogSql.type;
import io.pgshift.object.Kind;

/**
 * Operator families and operator classes. Every family is created on its own, even one CREATE OPERATOR CLASS
 * made implicitly, and each class then names its family; the family's loose members, which belong to no
 * class (cross-type operators, say), are added with ALTER OPERATOR FAMILY. pg_depend tells which members
 * are a class's and which are the family's alone.
 */
public final class OperatorClassSource implements ObjectSource {

    /** One OPERATOR or FUNCTION item of a class or family, and the objects it needs. */
    private record Member(String clause, Set<ObjectRef> needs) {
    }

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        ExtensionMembers extensions = ExtensionMembers.read(context);
        List<ObjectDef> objects = new ArrayList<>(families(context, extensions));
        objects.addAll(classes(context, extensions));
        return objects;
    }

    private static List<ObjectDef> families(SourceContext context, ExtensionMembers extensions) throws SQLException {
        Map<Long, List<Member>> members = members(context, "pg_opfamily");
        return context.list("""
                SELECT f.oid, n.nspname, f.opfname, am.amname, pg_catalog.pg_get_userbyid(f.opfowner) AS owner,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = f.oid AND cmt.classoid = 'pg_catalog.pg_opfamily'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_opfamily f
                JOIN pg_catalog.pg_namespace n ON n.oid = f.opfnamespace
                JOIN pg_catalog.pg_am am ON am.oid = f.opfmethod
                WHERE %s AND %s
                ORDER BY n.nspname, f.opfname, am.amname""".formatted(SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_opfamily", "f.oid")),
                rs -> {
                    long oid = rs.getLong("oid");
                    String schema = rs.getString("nspname");
                    String named = Sql.qualified(schema, rs.getString("opfname")) + " USING "
                            + Sql.ident(rs.getString("amname"));
                    List<String> sql = new ArrayList<>();
                    sql.add("CREATE OPERATOR FAMILY " + named);
                    List<Member> loose = members.getOrDefault(oid, List.of());
                    if (!loose.isEmpty()) {
                        sql.add("ALTER OPERATOR FAMILY " + named + " ADD\n    " + clauses(loose));
                    }
                    return ObjectDef.of(ObjectRef.of("pg_opfamily", oid), Kind.OPERATOR_FAMILY, schema,
                                    schema + "." + rs.getString("opfname") + " USING " + rs.getString("amname"),
                                    "OPERATOR FAMILY " + named, Section.PRE_DATA, sql)
                            .withOwner(rs.getString("owner"))
                            .withComment(rs.getString("comment"))
                            .withDependencies(extensions.creators(needs(loose)));
                });
    }

    private static List<ObjectDef> classes(SourceContext context, ExtensionMembers extensions) throws SQLException {
        Map<Long, List<Member>> members = members(context, "pg_opclass");
        return context.list("""
                SELECT c.oid, n.nspname, c.opcname, am.amname, c.opcdefault, %s AS input_type, %s AS storage_type,
                       c.opcfamily, %s AS family, pg_catalog.pg_get_userbyid(c.opcowner) AS owner,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = c.oid AND cmt.classoid = 'pg_catalog.pg_opclass'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_opclass c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.opcnamespace
                JOIN pg_catalog.pg_am am ON am.oid = c.opcmethod
                WHERE %s AND %s
                ORDER BY n.nspname, c.opcname, am.amname""".formatted(type("c.opcintype"), type("c.opckeytype"),
                        operatorFamily("c.opcfamily"), SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_opclass", "c.oid")),
                rs -> {
                    long oid = rs.getLong("oid");
                    String schema = rs.getString("nspname");
                    String am = Sql.ident(rs.getString("amname"));
                    String name = Sql.qualified(schema, rs.getString("opcname"));
                    List<Member> items = new ArrayList<>();
                    if (rs.getString("storage_type") != null) {
                        items.add(new Member("STORAGE " + rs.getString("storage_type"), Set.of()));
                    }
                    items.addAll(members.getOrDefault(oid, List.of()));
                    if (items.isEmpty()) {
                        // AS needs at least one item; naming the input type as storage changes nothing.
                        items.add(new Member("STORAGE " + rs.getString("input_type"), Set.of()));
                    }
                    Set<ObjectRef> needs = needs(items);
                    // The class's tie to its family is an auto dependency, which the generic edges leave out.
                    needs.add(ObjectRef.of("pg_opfamily", rs.getLong("opcfamily")));
                    String create = "CREATE OPERATOR CLASS " + name + (rs.getBoolean("opcdefault") ? " DEFAULT" : "")
                            + " FOR TYPE " + rs.getString("input_type") + " USING " + am + " FAMILY "
                            + rs.getString("family") + " AS\n    " + clauses(items);
                    return ObjectDef.of(ObjectRef.of("pg_opclass", oid), Kind.OPERATOR_CLASS, schema,
                                    schema + "." + rs.getString("opcname") + " USING " + rs.getString("amname"),
                                    "OPERATOR CLASS " + name + " USING " + am, Section.PRE_DATA, List.of(create))
                            .withOwner(rs.getString("owner"))
                            .withComment(rs.getString("comment"))
                            .withDependencies(extensions.creators(needs));
                });
    }

    /**
     * The OPERATOR and FUNCTION items that pg_depend ties to each class or family (by its oid). Operators come
     * first, each kind in number order, as in the statements users write.
     */
    private static Map<Long, List<Member>> members(SourceContext context, String owner) throws SQLException {
        Map<Long, List<Member>> byOwner = new HashMap<>();
        context.list("""
                SELECT d.refobjid AS owner_oid, 1 AS kind, ao.amopstrategy AS number,
                       'OPERATOR ' || ao.amopstrategy || ' ' || %1$s
                           || COALESCE(' FOR ORDER BY ' || %2$s, '') AS clause,
                       'pg_operator' AS needs_catalog, ao.amopopr AS needs_oid, ao.amopsortfamily AS sort_family
                FROM pg_catalog.pg_amop ao
                JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_amop'::pg_catalog.regclass AND d.objid = ao.oid
                WHERE d.refclassid = 'pg_catalog.%3$s'::pg_catalog.regclass
                  AND ('%3$s' <> 'pg_opfamily' OR d.refobjid = ao.amopfamily)
                UNION ALL
                SELECT d.refobjid, 2, ap.amprocnum,
                       'FUNCTION ' || ap.amprocnum || COALESCE(' (' || %4$s || ', ' || %5$s || ')', '') || ' ' || %6$s,
                       'pg_proc', ap.amproc, 0
                FROM pg_catalog.pg_amproc ap
                JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_amproc'::pg_catalog.regclass AND d.objid = ap.oid
                WHERE d.refclassid = 'pg_catalog.%3$s'::pg_catalog.regclass
                  AND ('%3$s' <> 'pg_opfamily' OR d.refobjid = ap.amprocfamily)
                ORDER BY 1, 2, 3, 4""".formatted(operatorWithArguments("ao.amopopr"), operatorFamily("ao.amopsortfamily"),
                        owner, type("ap.amproclefttype"), type("ap.amprocrighttype"),
                        functionWithArguments("ap.amproc::pg_catalog.oid")),
                rs -> {
                    Set<ObjectRef> needs = new HashSet<>();
                    needs.add(ObjectRef.of(rs.getString("needs_catalog"), rs.getLong("needs_oid")));
                    if (rs.getLong("sort_family") != 0) {
                        needs.add(ObjectRef.of("pg_opfamily", rs.getLong("sort_family")));
                    }
                    Member member = new Member(rs.getString("clause"), needs);
                    byOwner.computeIfAbsent(rs.getLong("owner_oid"), k -> new ArrayList<>()).add(member);
                    return member;
                });
        return byOwner;
    }

    private static String clauses(List<Member> members) {
        return String.join(",\n    ", members.stream().map(Member::clause).toList());
    }

    private static Set<ObjectRef> needs(List<Member> members) {
        Set<ObjectRef> needs = new HashSet<>();
        members.forEach(m -> needs.addAll(m.needs()));
        return needs;
    }
}
