package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The roles a source database names, read from pg_shdepend, which any user may read and which the server keeps
 * for every owner and every role in a privilege, policy or default privilege of the database's objects and of
 * the database itself. The bootstrap superuser is pinned and never recorded there, so whether it owns anything
 * is asked of the catalogs that have owners.
 *
 * @param owners    roles that own the database (but postgres, whose owner stays the target's) or an object in
 *                  it: the target user must be able to act as each to give them their objects
 * @param mentioned roles named in privileges, policies and default privileges, owners excluded: each must exist
 *                  on the target
 */
public record RoleUse(Set<String> owners, Set<String> mentioned) {
    public RoleUse {
        owners = Set.copyOf(owners);
        mentioned = Set.copyOf(mentioned);
    }

    /** Reads the roles of the database {@code context} is connected to. */
    public static RoleUse read(SourceContext context) throws SQLException {
        Set<String> owners = new TreeSet<>();
        Set<String> mentioned = new TreeSet<>();
        context.list("""
                SELECT DISTINCT r.rolname, d.deptype = 'o' AS owns
                FROM pg_catalog.pg_shdepend d JOIN pg_catalog.pg_roles r ON r.oid = d.refobjid
                WHERE d.refclassid = 'pg_catalog.pg_authid'::pg_catalog.regclass
                  AND (d.dbid = (SELECT oid FROM pg_catalog.pg_database WHERE datname = pg_catalog.current_database())
                       OR d.dbid = 0 AND d.classid = 'pg_catalog.pg_database'::pg_catalog.regclass
                          AND d.objid = (SELECT oid FROM pg_catalog.pg_database
                                         WHERE datname = pg_catalog.current_database() AND datname <> 'postgres'))
                  AND d.deptype IN ('o', 'a', 'r')""", rs -> (rs.getBoolean(2) ? owners : mentioned).add(rs.getString(1)));
        if (bootstrapOwnsObjects(context)) {
            owners.add(context.list("SELECT rolname FROM pg_catalog.pg_roles WHERE oid = 10", rs -> rs.getString(1))
                    .get(0));
        }
        mentioned.removeAll(owners);
        return new RoleUse(owners, mentioned);
    }

    /**
     * Whether the bootstrap superuser owns a user object that the copy gives an owner: a schema other than public
     * (whose default owner it is), a relation, routine, type or large object outside the system schemas and
     * extensions, or the database itself (other than postgres, whose owner stays the target's).
     */
    private static boolean bootstrapOwnsObjects(SourceContext context) throws SQLException {
        String sql = """
                SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n
                               WHERE n.nspowner = 10 AND n.nspname <> 'public' AND %1$s AND %2$s)
                    OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                               WHERE c.relowner = 10 AND %1$s AND %3$s)
                    OR EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                               WHERE p.proowner = 10 AND %1$s AND %4$s)
                    OR EXISTS (SELECT 1 FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                               WHERE t.typowner = 10 AND %1$s AND %5$s)
                    OR EXISTS (SELECT 1 FROM pg_catalog.pg_largeobject_metadata l WHERE l.lomowner = 10)
                    OR EXISTS (SELECT 1 FROM pg_catalog.pg_database d
                               WHERE d.datname = pg_catalog.current_database() AND d.datdba = 10
                                 AND d.datname <> 'postgres')""".formatted(Queries.userSchema("n.nspname"),
                Queries.notExtensionMember("pg_namespace", "n.oid"), Queries.notExtensionMember("pg_class", "c.oid"),
                Queries.notExtensionMember("pg_proc", "p.oid"), Queries.notExtensionMember("pg_type", "t.oid"));
        return context.list(sql, rs -> rs.getBoolean(1)).get(0);
    }
}
