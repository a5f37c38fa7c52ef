package io.pgshift.catalog;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pgshift.object.Section;

import static io.pgshift.catalog.Queries.charOf;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Reads row-level security: the policies, and whether each table enables and forces it. Both come after
 * the data, as in pg_dump: a forced policy would otherwise stop COPY into the table.
 */
final class PolicySource implements ObjectSource {
    /** Not a catalog: a table's ENABLE and FORCE ROW LEVEL SECURITY, restored apart from the table. */
    static final String ROW_SECURITY = "row security";

    @Override
    public List<ObjectDef> read(SourceContext ctx) throws SQLException {
        List<ObjectDef> defs = new ArrayList<>(rowSecurity(ctx));
        defs.addAll(policies(ctx));
        return defs;
    }

    private static List<ObjectDef> rowSecurity(SourceContext ctx) throws SQLException {
        return ctx.list("""
                SELECT c.oid, n.nspname, c.relname, c.relrowsecurity, c.relforcerowsecurity
                FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE (c.relrowsecurity OR c.relforcerowsecurity) AND c.relkind IN ('r', 'p') AND %s AND %s
                ORDER BY n.nspname, c.relname""".formatted(SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_class", "c.oid")),
                rs -> {
                    ObjectRef tableRef = ObjectRef.relation(rs.getLong(1));
                    return ObjectDef.read(ObjectRef.of(ROW_SECURITY, rs.getLong(1)), Kind.ROW_SECURITY, rs.getString(2),
                                    rs.getString(2) + "." + rs.getString(3), Section.POST_DATA, new RowSecurity(
                                            new QualifiedName(rs.getString(2), rs.getString(3)), rs.getBoolean(4),
                                            rs.getBoolean(5)))
                            .withDependencies(Set.of(tableRef, ObjectRef.dataOf(rs.getLong(1))))
                            .withTable(tableRef);
                });
    }

    private static List<ObjectDef> policies(SourceContext ctx) throws SQLException {
        // Restrictive policies arrived in 10; every earlier policy is permissive.
        String permissive = ctx.version().atLeast(10) ? "p.polpermissive" : "true";
        return ctx.list("""
                SELECT p.oid, p.polrelid, n.nspname, c.relname, p.polname, p.polcmd, %s AS permissive,
                       ARRAY(SELECT pg_catalog.pg_get_userbyid(r.role)
                             FROM pg_catalog.unnest(p.polroles) WITH ORDINALITY AS r(role, i)
                             WHERE r.role <> 0 ORDER BY r.i) AS roles,
                       pg_catalog.pg_get_expr(p.polqual, p.polrelid) AS using_expr,
                       pg_catalog.pg_get_expr(p.polwithcheck, p.polrelid) AS check_expr,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = p.oid AND cmt.classoid = 'pg_catalog.pg_policy'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_policy p
                JOIN pg_catalog.pg_class c ON c.oid = p.polrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE %s AND %s
                ORDER BY n.nspname, c.relname, p.polname""".formatted(permissive,
                        SourceContext.userSchema("n.nspname"), SourceContext.notExtensionMember("pg_class", "c.oid")),
                rs -> {
                    ObjectRef tableRef = ObjectRef.relation(rs.getLong(2));
                    return ObjectDef.read(ObjectRef.of("pg_policy", rs.getLong(1)), Kind.POLICY, rs.getString(3),
                                    rs.getString(3) + "." + rs.getString(4) + "." + rs.getString(5), Section.POST_DATA,
                                    new Policy(new QualifiedName(rs.getString(3), rs.getString(4)), rs.getString(5),
                                            rs.getBoolean(7), charOf(rs, "polcmd"), roles(rs.getArray(8)),
                                            rs.getString(9), rs.getString(10)))
                            .withComment(rs.getString(11))
                            .withDependencies(Set.of(tableRef, ObjectRef.dataOf(rs.getLong(2))))
                            .withTable(tableRef);
                });
    }

    private static List<String> roles(Array array) throws SQLException {
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
