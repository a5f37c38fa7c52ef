package io.pgshift.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.SourceContext;

/**
 * Roles that exist on both servers with different attributes. Migrating roles alters such a role to the
 * source's attributes as far as the target allows, which can change what its current users may do there.
 */
final class RoleChecks {
    /** The attributes compared, as pg_roles names them, with the keyword that grants each. */
    private static final Map<String, String> ATTRIBUTES = attributes();

    private RoleChecks() {
    }

    private static Map<String, String> attributes() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("rolsuper", "SUPERUSER");
        a.put("rolinherit", "INHERIT");
        a.put("rolcreaterole", "CREATEROLE");
        a.put("rolcreatedb", "CREATEDB");
        a.put("rolcanlogin", "LOGIN");
        a.put("rolreplication", "REPLICATION");
        a.put("rolbypassrls", "BYPASSRLS");
        a.put("rolconnlimit", "CONNECTION LIMIT");
        a.put("rolvaliduntil", "VALID UNTIL");
        return a;
    }

    static List<Finding> check(Connection source, Connection target) throws SQLException {
        Map<String, Map<String, String>> sourceRoles = roles(source);
        Map<String, Map<String, String>> targetRoles = roles(target);
        List<Finding> found = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> role : sourceRoles.entrySet()) {
            Map<String, String> there = targetRoles.get(role.getKey());
            if (there == null) {
                continue;
            }
            List<String> differences = new ArrayList<>();
            for (Map.Entry<String, String> attribute : ATTRIBUTES.entrySet()) {
                String a = role.getValue().get(attribute.getKey());
                String b = there.get(attribute.getKey());
                if (!Objects.equals(a, b)) {
                    differences.add(attribute.getValue() + " " + describe(a) + " on the source, " + describe(b)
                            + " on the target");
                }
            }
            if (!differences.isEmpty()) {
                found.add(FindingCode.ROLE_DIFFERS.warning(null, List.of(role.getKey()), "role " + role.getKey()
                        + " exists on both servers with different attributes: " + String.join("; ", differences),
                        "migrating roles alters it to the source's attributes where the target allows; check that "
                                + "this suits whoever uses it on the target"));
            }
        }
        return found;
    }

    private static String describe(String value) {
        return value == null ? "none" : switch (value) {
            case "true" -> "yes";
            case "false" -> "no";
            default -> value;
        };
    }

    /**
     * Roles that a migration would carry over: not the built-in pg_* roles, nor the providers' own roles, which
     * every managed server creates for itself.
     */
    private static Map<String, Map<String, String>> roles(Connection connection) throws SQLException {
        Map<String, Map<String, String>> roles = new LinkedHashMap<>();
        String columns = String.join(", ", ATTRIBUTES.keySet().stream()
                .map(c -> c.equals("rolvaliduntil") ? "(r.rolvaliduntil AT TIME ZONE 'UTC')::text AS rolvaliduntil"
                        : "r." + c + "::text AS " + c).toList());
        new SourceContext(connection, CatalogReader.versionOf(connection)).list("""
                SELECT r.rolname, %s FROM pg_catalog.pg_roles r
                WHERE r.rolname !~ '^pg_' AND r.rolname !~ '^(azure_|rds|cloudsql)'
                ORDER BY r.rolname""".formatted(columns), rs -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String c : ATTRIBUTES.keySet()) {
                        values.put(c, rs.getString(c));
                    }
                    return roles.put(rs.getString(1), values);
                });
        return roles;
    }
}
