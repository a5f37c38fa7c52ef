package io.pgshift.catalog;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.pgshift.sql.Sql;
import io.pgshift.object.Section;

import static io.pgshift.catalog.Queries.charOf;
import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.qualified;
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
                    String table = qualified(rs.getString(2), rs.getString(3));
                    List<String> sql = new ArrayList<>();
                    if (rs.getBoolean(4)) {
                        sql.add("ALTER TABLE ONLY " + table + " ENABLE ROW LEVEL SECURITY");
                    }
                    if (rs.getBoolean(5)) {
                        sql.add("ALTER TABLE ONLY " + table + " FORCE ROW LEVEL SECURITY");
                    }
                    ObjectRef tableRef = ObjectRef.relation(rs.getLong(1));
                    return ObjectDef.of(ObjectRef.of(ROW_SECURITY, rs.getLong(1)), Kind.ROW_SECURITY, rs.getString(2),
                                    rs.getString(2) + "." + rs.getString(3), null, Section.POST_DATA, sql)
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
                    String table = qualified(rs.getString(3), rs.getString(4));
                    String name = rs.getString(5);
                    StringBuilder create = new StringBuilder("CREATE POLICY ").append(ident(name)).append(" ON ")
                            .append(table);
                    if (!rs.getBoolean(7)) {
                        create.append(" AS RESTRICTIVE");
                    }
                    create.append(" FOR ").append(command(charOf(rs, "polcmd")));
                    String roles = roles(rs.getArray(8));
                    create.append(" TO ").append(roles.isEmpty() ? "PUBLIC" : roles);
                    if (rs.getString(9) != null) {
                        create.append(" USING (").append(rs.getString(9)).append(')');
                    }
                    if (rs.getString(10) != null) {
                        create.append(" WITH CHECK (").append(rs.getString(10)).append(')');
                    }
                    ObjectRef tableRef = ObjectRef.relation(rs.getLong(2));
                    return ObjectDef.of(ObjectRef.of("pg_policy", rs.getLong(1)), Kind.POLICY, rs.getString(3),
                                    rs.getString(3) + "." + rs.getString(4) + "." + name,
                                    "POLICY " + ident(name) + " ON " + table, Section.POST_DATA,
                                    List.of(create.toString()))
                            .withComment(rs.getString(11))
                            .withDependencies(Set.of(tableRef, ObjectRef.dataOf(rs.getLong(2))))
                            .withTable(tableRef);
                });
    }

    private static String command(char polcmd) {
        return switch (polcmd) {
            case 'r' -> "SELECT";
            case 'a' -> "INSERT";
            case 'w' -> "UPDATE";
            case 'd' -> "DELETE";
            default -> "ALL";
        };
    }

    private static String roles(Array array) throws SQLException {
        try {
            return Stream.of((String[]) array.getArray()).map(Sql::ident).collect(Collectors.joining(", "));
        } finally {
            array.free();
        }
    }
}
