package io.pgshift.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pgshift.sql.Privileges;
import io.pgshift.object.Section;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.qualified;
import io.pgshift.object.ObjectRef;

/**
 * Privileges granted or revoked on objects the target makes by itself, after they were made: the objects of an
 * extension after its script ran (REVOKE EXECUTE ON FUNCTION pg_stat_statements_reset() FROM ..., say), or the
 * built-in objects initdb made (GRANT SELECT (rolname) ON pg_catalog.pg_authid TO ...). CREATE EXTENSION and
 * initdb make the objects with their initial privileges, which pg_init_privs remembers; what changed since is
 * written as GRANT and REVOKE, as pg_dump does. Without an entry in pg_init_privs, the initial privileges are the
 * built-in defaults. The public schema is not among the built-in objects here: its entry sets its privileges.
 */
final class ChangedInitialPrivileges implements ObjectSource {
    /** Whose objects: an extension's members, or the built-in objects. */
    enum Scope {
        EXTENSION_MEMBERS, BUILT_IN
    }

    /** Oids below this belong to objects initdb made. */
    private static final int FIRST_USER_OID = 16384;

    private final Scope scope;

    ChangedInitialPrivileges(Scope scope) {
        this.scope = scope;
    }

    /** How GRANT names one catalog's objects, from the columns its query returns. */
    @FunctionalInterface
    private interface Target {
        String of(ResultSet rs) throws SQLException;
    }

    /**
     * @param catalog  the system catalog
     * @param alias    its alias in the query
     * @param acl      the aclitem[] column
     * @param owner    the owner column
     * @param type     acldefault's type letter, as SQL
     * @param columns  the columns {@code target} reads, as SQL
     * @param joins    joins those columns need
     */
    private record Kind(String catalog, String alias, String acl, String owner, String type, String columns,
                        String joins, Target target) {
    }

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        String prokind = context.version().atLeast(11) ? "p.prokind" : "'f'::pg_catalog.\"char\"";
        List<Kind> kinds = List.of(
                new Kind("pg_class", "c", "c.relacl", "c.relowner",
                        "CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END", "n.nspname, c.relname, c.relkind",
                        "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace",
                        rs -> ("S".equals(rs.getString("relkind")) ? "SEQUENCE " : "TABLE ")
                                + qualified(rs.getString("nspname"), rs.getString("relname"))),
                new Kind("pg_proc", "p", "p.proacl", "p.proowner", "'f'",
                        "n.nspname, p.proname, pg_catalog.pg_get_function_identity_arguments(p.oid) AS args, "
                                + prokind + " AS prokind",
                        "JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace",
                        rs -> ("p".equals(rs.getString("prokind")) ? "PROCEDURE " : "FUNCTION ")
                                + qualified(rs.getString("nspname"), rs.getString("proname"))
                                + "(" + rs.getString("args") + ")"),
                new Kind("pg_type", "t", "t.typacl", "t.typowner", "'T'", "n.nspname, t.typname",
                        "JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace",
                        rs -> "TYPE " + qualified(rs.getString("nspname"), rs.getString("typname"))),
                new Kind("pg_namespace", "s", "s.nspacl", "s.nspowner", "'n'", "s.nspname", "",
                        rs -> "SCHEMA " + ident(rs.getString("nspname"))),
                new Kind("pg_foreign_data_wrapper", "w", "w.fdwacl", "w.fdwowner", "'F'", "w.fdwname", "",
                        rs -> "FOREIGN DATA WRAPPER " + ident(rs.getString("fdwname"))),
                new Kind("pg_foreign_server", "v", "v.srvacl", "v.srvowner", "'S'", "v.srvname", "",
                        rs -> "FOREIGN SERVER " + ident(rs.getString("srvname"))),
                new Kind("pg_language", "l", "l.lanacl", "l.lanowner", "'l'", "l.lanname", "",
                        rs -> "LANGUAGE " + ident(rs.getString("lanname"))));
        List<ObjectDef> objects = new ArrayList<>();
        for (Kind kind : kinds) {
            objects.addAll(read(context, kind));
        }
        objects.addAll(columns(context));
        return objects;
    }

    /** SQL: the join that keeps the objects of this scope, for an object {@code alias} of {@code catalog}. */
    private String member(String catalog, String alias) {
        return switch (scope) {
            case EXTENSION_MEMBERS -> """
                    JOIN pg_catalog.pg_depend e ON e.classid = 'pg_catalog.%1$s'::pg_catalog.regclass AND e.objid = %2$s.oid
                         AND e.objsubid = 0 AND e.deptype = 'e' AND e.refobjid >= %3$d
                         AND e.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                    """.formatted(catalog, alias, FIRST_USER_OID);
            case BUILT_IN -> """
                    CROSS JOIN (SELECT 0::pg_catalog.oid AS refobjid) e
                    """;
        };
    }

    /**
     * SQL: the condition on an object {@code alias} of {@code catalog}. A built-in object's privileges are read
     * only when they changed, of which there are few among thousands.
     */
    private String where(String catalog, String alias, String acl, String initPrivs) {
        return switch (scope) {
            case EXTENSION_MEMBERS -> acl + " IS NOT NULL";
            // As pg_dump: the objects of pg_catalog, and that schema itself; other system schemas are not copied.
            case BUILT_IN -> alias + ".oid < " + FIRST_USER_OID + " AND " + acl + " IS NOT NULL AND " + acl
                    + " IS DISTINCT FROM " + initPrivs + " AND "
                    + (catalog.equals("pg_namespace") ? alias + ".nspname = 'pg_catalog'" : "n.nspname = 'pg_catalog'")
                    + " AND " + SourceContext.notExtensionMember(catalog, alias + ".oid");
        };
    }

    private List<ObjectDef> read(SourceContext context, Kind kind) throws SQLException {
        // Built-in foreign data wrappers and servers there are none; built-in languages pg_dump leaves alone.
        if (scope == Scope.BUILT_IN && kind.joins().isEmpty() && !kind.catalog().equals("pg_namespace")) {
            return List.of();
        }
        String a = kind.alias();
        return context.list("""
                SELECT %s.oid, e.refobjid AS extension, pg_catalog.pg_get_userbyid(%s) AS owner, %s,
                       pg_catalog.json_build_object('acl', %s, 'default', COALESCE(%s, %s))::text AS acl
                FROM pg_catalog.%s %s
                %s
                %s
                LEFT JOIN pg_catalog.pg_init_privs i ON i.classoid = 'pg_catalog.%s'::pg_catalog.regclass
                     AND i.objoid = %s.oid AND i.objsubid = 0
                WHERE %s
                ORDER BY 1""".formatted(a, kind.owner(), kind.columns(), SourceContext.aclItems(kind.acl()),
                        "CASE WHEN i.initprivs IS NOT NULL THEN " + SourceContext.aclItems("i.initprivs") + " END",
                        SourceContext.aclItems("pg_catalog.acldefault((" + kind.type() + ")::pg_catalog.\"char\", "
                                + kind.owner() + ")"),
                        kind.catalog(), a, kind.joins(), member(kind.catalog(), a),
                        kind.catalog(), a, where(kind.catalog(), a, kind.acl(), "i.initprivs")),
                rs -> {
                    String target = kind.target().of(rs);
                    List<String> sql = Privileges.statements(target, rs.getString("owner"), rs.getString("acl"), true);
                    return privileges(ObjectRef.of(kind.catalog(), rs.getLong("oid")), target, rs.getLong("extension"),
                            sql);
                }).stream().filter(o -> !o.create().isEmpty()).toList();
    }

    /** Column privileges of extension tables or built-in ones; a column's initial privileges are none. */
    private List<ObjectDef> columns(SourceContext context) throws SQLException {
        return context.list("""
                SELECT c.oid, e.refobjid AS extension, n.nspname, c.relname,
                       ARRAY(SELECT a.attname FROM pg_catalog.pg_attribute a
                             WHERE a.attrelid = c.oid AND a.attacl IS NOT NULL ORDER BY a.attnum) AS names,
                       ARRAY(SELECT pg_catalog.json_build_object('acl', %s,
                                        'default', COALESCE(%s, '[]'::pg_catalog.json))::text
                             FROM pg_catalog.pg_attribute a
                             LEFT JOIN pg_catalog.pg_init_privs i ON i.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass
                                  AND i.objoid = c.oid AND i.objsubid = a.attnum
                             WHERE a.attrelid = c.oid AND a.attacl IS NOT NULL ORDER BY a.attnum) AS acls
                FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                %s
                WHERE EXISTS (SELECT 1 FROM pg_catalog.pg_attribute a WHERE a.attrelid = c.oid AND a.attacl IS NOT NULL)
                  %s
                ORDER BY 1""".formatted(SourceContext.aclItems("a.attacl"),
                        "CASE WHEN i.initprivs IS NOT NULL THEN " + SourceContext.aclItems("i.initprivs") + " END",
                        member("pg_class", "c"),
                        scope == Scope.BUILT_IN ? "AND c.oid < " + FIRST_USER_OID + " AND n.nspname = 'pg_catalog'"
                                + " AND EXISTS (SELECT 1 FROM "
                                + "pg_catalog.pg_attribute a LEFT JOIN pg_catalog.pg_init_privs i ON i.classoid = "
                                + "'pg_catalog.pg_class'::pg_catalog.regclass AND i.objoid = a.attrelid AND "
                                + "i.objsubid = a.attnum WHERE a.attrelid = c.oid AND a.attacl IS DISTINCT FROM "
                                + "i.initprivs)" : ""),
                rs -> {
                    String table = "TABLE " + qualified(rs.getString("nspname"), rs.getString("relname"));
                    String[] names = (String[]) rs.getArray("names").getArray();
                    String[] acls = (String[]) rs.getArray("acls").getArray();
                    List<String> sql = new ArrayList<>();
                    for (int i = 0; i < names.length; i++) {
                        sql.addAll(Privileges.columnStatements(table, names[i], acls[i]));
                    }
                    return privileges(ObjectRef.of("pg_attribute", rs.getLong("oid")), table + " columns",
                            rs.getLong("extension"), sql);
                }).stream().filter(o -> !o.create().isEmpty()).toList();
    }

    private ObjectDef privileges(ObjectRef ref, String name, long extension, List<String> sql) {
        if (scope == Scope.BUILT_IN) {
            return ObjectDef.of(ref, io.pgshift.object.Kind.BUILT_IN_OBJECT_PRIVILEGES, null, name, name, Section.PRE_DATA, sql);
        }
        return ObjectDef.of(ref, io.pgshift.object.Kind.EXTENSION_MEMBER_PRIVILEGES, null, name, name, Section.PRE_DATA, sql)
                .withDependencies(Set.of(ObjectRef.of("pg_extension", extension)));
    }
}
