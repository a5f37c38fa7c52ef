package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.List;

import io.pgshift.sql.Privileges;
import io.pgshift.sql.Sql;
import io.pgshift.object.Section;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Default privileges (ALTER DEFAULT PRIVILEGES), for a role and perhaps one schema. A role's global entry
 * replaces the built-in defaults, so it is written as the difference from acldefault(); a schema's entry
 * adds to them, so it is written in full. The DDL writer runs them after every other object, since they
 * would change the privileges of objects created later.
 */
final class DefaultPrivilegeSource implements ObjectSource {

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        // acldefault() spells sequences 's' where pg_default_acl has 'S'.
        String type = "CASE WHEN d.defaclobjtype = 'S' THEN 's'::pg_catalog.\"char\" ELSE d.defaclobjtype END";
        return context.list("""
                SELECT d.oid, pg_catalog.pg_get_userbyid(d.defaclrole) AS role, n.nspname, d.defaclobjtype,
                       pg_catalog.json_build_object('acl', %s,
                           'default', CASE WHEN d.defaclnamespace = 0
                                           THEN %s ELSE '[]'::pg_catalog.json END)::text AS acl
                FROM pg_catalog.pg_default_acl d
                LEFT JOIN pg_catalog.pg_namespace n ON n.oid = d.defaclnamespace
                ORDER BY 2, 3 NULLS FIRST, 4""".formatted(SourceContext.aclItems("d.defaclacl"),
                        SourceContext.aclItems("pg_catalog.acldefault(" + type + ", d.defaclrole)")),
                rs -> {
                    String role = rs.getString("role");
                    String schema = rs.getString("nspname");
                    String prefix = "ALTER DEFAULT PRIVILEGES FOR ROLE " + Sql.ident(role)
                            + (schema != null ? " IN SCHEMA " + Sql.ident(schema) : "") + " ";
                    String objects = objects(Queries.charOf(rs, "defaclobjtype"));
                    List<String> sql = Privileges.statements(objects, role, rs.getString("acl"), false).stream()
                            .map(statement -> prefix + statement).toList();
                    return ObjectDef.of(ObjectRef.of("pg_default_acl", rs.getLong("oid")), Kind.DEFAULT_PRIVILEGES,
                            schema, role + (schema != null ? " in " + schema : "") + " on " + objects.toLowerCase(
                                    java.util.Locale.ROOT), "DEFAULT PRIVILEGES", Section.POST_DATA, sql);
                });
    }

    private static String objects(char type) {
        return switch (type) {
            case 'r' -> "TABLES";
            case 'S' -> "SEQUENCES";
            case 'f' -> "FUNCTIONS";
            case 'T' -> "TYPES";
            case 'n' -> "SCHEMAS";
            case 'L' -> "LARGE OBJECTS";
            default -> throw new IllegalStateException("unknown default privilege object type " + type);
        };
    }
}
