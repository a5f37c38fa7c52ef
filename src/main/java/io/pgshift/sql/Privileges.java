package io.pgshift.sql;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.sql.Sql;

/**
 * Writes the GRANT and REVOKE statements that turn an object's default privileges into the ones it had
 * on the source, as pg_dump does: only the difference from the source's defaults is written. An owner
 * who simply kept all privileges therefore gets all of the target's, including privileges newer
 * versions add (MAINTAIN in 17).
 */
public final class Privileges {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Privileges() {
    }

    private record Item(String grantor, String grantee, String privilege, boolean grantable) {
    }

    /**
     * @param target      how GRANT names the object: {@code TABLE public.t}, {@code FUNCTION public.f(integer)}
     * @param owner       the object's owner, or null for objects without one
     * @param aclJson     privileges as {@code SourceContext.aclJson} renders them; null means the defaults
     * @param withGrantor when a privilege was granted by someone other than the owner, grant it as that role
     */
    public static List<String> statements(String target, String owner, String aclJson, boolean withGrantor) {
        return statements(target, "", owner, aclJson, withGrantor);
    }

    /**
     * The public schema's privileges. initdb gave PUBLIC USAGE and CREATE on it before 15, USAGE only from 15 on,
     * so a difference from the source version's default says nothing of the target's. PUBLIC's privileges are set
     * outright instead, as pg_dump sets them (REVOKE ALL, then GRANT what the source has); the other grantees'
     * are compared as for any object. Any server then ends with the source's privileges, whatever its version.
     */
    public static List<String> publicSchema(String owner, String aclJson, boolean withGrantor) {
        if (aclJson == null) {
            return List.of();
        }
        JsonNode json = parse(aclJson);
        List<String> sql = new ArrayList<>();
        sql.add("REVOKE ALL ON SCHEMA public FROM PUBLIC");
        List<String> forPublic = items(json.get("acl")).stream().filter(i -> i.grantee().isEmpty())
                .map(Item::privilege).distinct().toList();
        if (!forPublic.isEmpty()) {
            sql.add("GRANT " + String.join(", ", forPublic) + " ON SCHEMA public TO PUBLIC");
        }
        String others = "{\"acl\": " + withoutPublic(json.get("acl")) + ", \"default\": "
                + withoutPublic(json.get("default")) + "}";
        sql.addAll(statements("SCHEMA public", owner, others, withGrantor));
        return sql;
    }

    private static String withoutPublic(JsonNode array) {
        ArrayNode kept = JSON.createArrayNode();
        if (array != null) {
            for (JsonNode i : array) {
                if (!i.get(1).asText().isEmpty()) {
                    kept.add(i);
                }
            }
        }
        return kept.toString();
    }

    /** Column privileges: {@code GRANT SELECT (col) ON TABLE t}. */
    public static List<String> columnStatements(String table, String column, String aclJson) {
        return statements(table, " (" + Sql.ident(column) + ")", null, aclJson, false);
    }

    private static List<String> statements(String target, String columns, String owner, String aclJson,
                                           boolean withGrantor) {
        if (aclJson == null) {
            return List.of();
        }
        JsonNode json = parse(aclJson);
        Set<Item> actual = items(json.get("acl"));
        Set<Item> defaults = items(json.get("default"));
        List<String> sql = new ArrayList<>();
        for (Map.Entry<String, List<String>> revoke : byGrantee(defaults, actual).entrySet()) {
            sql.add("REVOKE " + privileges(revoke.getValue(), columns) + " ON " + target + " FROM "
                    + grantee(revoke.getKey()));
        }
        Map<List<Object>, List<String>> grants = new LinkedHashMap<>();
        for (Item item : actual) {
            if (!defaults.contains(item)) {
                grants.computeIfAbsent(List.of(item.grantor(), item.grantee(), item.grantable()),
                        k -> new ArrayList<>()).add(item.privilege());
            }
        }
        for (Map.Entry<List<Object>, List<String>> g : grants.entrySet()) {
            String grantor = (String) g.getKey().get(0);
            String grant = "GRANT " + privileges(g.getValue(), columns) + " ON " + target + " TO "
                    + grantee((String) g.getKey().get(1)) + ((Boolean) g.getKey().get(2) ? " WITH GRANT OPTION" : "");
            if (withGrantor && owner != null && !grantor.equals(owner)) {
                // SET ROLE, not pg_dump's SET SESSION AUTHORIZATION: that one needs a superuser, while a managed
                // admin may become any role it is a member of (with the SET option from 16 on).
                sql.add("SET ROLE " + Sql.ident(grantor));
                sql.add(grant);
                sql.add("RESET ROLE");
            } else {
                sql.add(grant);
            }
        }
        return sql;
    }

    /** Default privileges the object no longer has, by grantee. */
    private static Map<String, List<String>> byGrantee(Set<Item> defaults, Set<Item> actual) {
        Map<String, List<String>> revokes = new LinkedHashMap<>();
        for (Item d : defaults) {
            boolean kept = actual.stream().anyMatch(a -> a.grantee().equals(d.grantee())
                    && a.privilege().equals(d.privilege()));
            if (!kept) {
                revokes.computeIfAbsent(d.grantee(), k -> new ArrayList<>()).add(d.privilege());
            }
        }
        return revokes;
    }

    private static String privileges(List<String> privileges, String columns) {
        List<String> parts = new ArrayList<>();
        for (String p : privileges) {
            parts.add(p + columns);
        }
        return String.join(", ", parts);
    }

    private static String grantee(String name) {
        return name.isEmpty() ? "PUBLIC" : Sql.ident(name);
    }

    private static Set<Item> items(JsonNode array) {
        Set<Item> items = new LinkedHashSet<>();
        if (array != null) {
            for (JsonNode i : array) {
                items.add(new Item(i.get(0).asText(), i.get(1).asText(), i.get(2).asText(), i.get(3).asBoolean()));
            }
        }
        return items;
    }

    private static JsonNode parse(String aclJson) {
        try {
            return JSON.readTree(aclJson);
        } catch (JsonProcessingException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "unreadable privileges from the source: " + aclJson, e);
        }
    }
}
