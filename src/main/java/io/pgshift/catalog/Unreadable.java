package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;

import io.pgshift.sql.Sql;

/**
 * What the connected user may not read in its database: relations (tables, materialized views, sequences) and
 * large objects, with their owners. A managed service's admin is not a superuser: it reads what it owns, what the
 * roles it belongs to own, and what was granted to it, so the fix is a membership or a grant from each owner named.
 *
 * @param relations    every relation it may not read
 * @param largeObjects large objects it may not read, counted by owner
 * @param superusers   the owners that are superusers: membership in such a role is never the fix
 */
public record Unreadable(List<Relation> relations, Map<String, Long> largeObjects, Set<String> superusers) {
    private static final int NAMED = 3;

    /** @param name quoted and schema-qualified, as a message shows it */
    public record Relation(String schema, String table, String name, String owner) {
    }

    public Unreadable {
        relations = List.copyOf(relations);
        largeObjects = Map.copyOf(largeObjects);
        superusers = Set.copyOf(superusers);
    }

    public boolean isEmpty() {
        return relations.isEmpty() && largeObjects.isEmpty();
    }

    /** Only the relations the run reads; large objects stay, unless the run reads none. */
    public Unreadable only(BiPredicate<String, String> read, boolean readsLargeObjects) {
        return new Unreadable(relations.stream().filter(r -> read.test(r.schema(), r.table())).toList(),
                readsLargeObjects ? largeObjects : Map.of(), superusers);
    }

    public static Unreadable read(SourceContext context) throws SQLException {
        List<Relation> relations = context.list("""
                SELECT n.nspname, c.relname,
                       pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(c.relname),
                       pg_catalog.pg_get_userbyid(c.relowner)
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'm', 'S') AND %s
                  AND NOT pg_catalog.has_table_privilege(c.oid, 'SELECT')
                ORDER BY n.nspname, c.relname""".formatted(Queries.userSchema("n.nspname")),
                rs -> new Relation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        Set<String> superusers = new TreeSet<>(context.list(
                "SELECT rolname FROM pg_catalog.pg_roles WHERE rolsuper", rs -> rs.getString(1)));
        return new Unreadable(relations, largeObjects(context), superusers);
    }

    /** lo_get needs SELECT on the large object, which its owner has; has_largeobject_privilege exists from 18. */
    private static Map<String, Long> largeObjects(SourceContext context) throws SQLException {
        String readable = context.version().atLeast(18)
                ? "pg_catalog.has_largeobject_privilege(l.oid, 'SELECT')"
                : """
                  (pg_catalog.pg_has_role(l.lomowner, 'USAGE')
                   OR EXISTS (SELECT 1 FROM pg_catalog.aclexplode(l.lomacl) a WHERE a.privilege_type = 'SELECT'
                              AND (a.grantee = 0 OR pg_catalog.pg_has_role(a.grantee, 'USAGE'))))""";
        Map<String, Long> byOwner = new TreeMap<>();
        context.list("""
                SELECT pg_catalog.pg_get_userbyid(l.lomowner), pg_catalog.count(*)
                FROM pg_catalog.pg_largeobject_metadata l
                WHERE pg_catalog.current_setting('lo_compat_privileges') = 'off'
                  AND NOT (SELECT r.rolsuper FROM pg_catalog.pg_roles r WHERE r.rolname = current_user) AND NOT %s
                GROUP BY 1 ORDER BY 1""".formatted(readable), rs -> byOwner.put(rs.getString(1), rs.getLong(2)));
        return byOwner;
    }

    /** What cannot be read, in a clause: "2 relations (app.a, app.b) and 3 large objects, owned by x, y". */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!relations.isEmpty()) {
            List<String> names = relations.stream().limit(NAMED).map(Relation::name).toList();
            parts.add(relations.size() + (relations.size() == 1 ? " relation (" : " relations (")
                    + String.join(", ", names) + (relations.size() > NAMED ? ", ..." : "") + ")");
        }
        long count = largeObjects.values().stream().mapToLong(Long::longValue).sum();
        if (count > 0) {
            parts.add(count + (count == 1 ? " large object" : " large objects"));
        }
        return String.join(" and ", parts) + ", owned by " + String.join(", ", owners());
    }

    public Set<String> owners() {
        Set<String> owners = new TreeSet<>(largeObjects.keySet());
        relations.forEach(r -> owners.add(r.owner()));
        return owners;
    }

    /**
     * The statements, run on the source by a superuser or a role with ADMIN OPTION on the owners, that let
     * {@code user} read it all: membership in each owner's role, or, for an owner that is a superuser (whose role
     * no one should be given), SELECT on its objects.
     */
    public String fix(String user) {
        List<String> grants = new ArrayList<>();
        for (String owner : owners()) {
            if (!superusers.contains(owner)) {
                grants.add("GRANT " + Sql.ident(owner) + " TO " + Sql.ident(user));
            }
        }
        List<String> superuserTables = relations.stream().filter(r -> superusers.contains(r.owner()))
                .map(Relation::name).toList();
        if (!superuserTables.isEmpty()) {
            grants.add("GRANT SELECT ON " + String.join(", ", superuserTables) + " TO " + Sql.ident(user));
        }
        if (largeObjects.keySet().stream().anyMatch(superusers::contains)) {
            grants.add("GRANT SELECT ON LARGE OBJECT ... TO " + Sql.ident(user) + " for the large objects of "
                    + String.join(", ", largeObjects.keySet().stream().filter(superusers::contains).toList()));
        }
        return String.join("; ", grants);
    }
}
