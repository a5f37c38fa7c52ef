package io.pgshift.roles;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.pgshift.catalog.CatalogReader;

/**
 * The roles of two servers compared, as a whole-server verify does: each role of the source that the target must
 * hold, by its attributes, connection limit, expiry, settings (everywhere, and in the databases compared),
 * memberships, comment
 * and whether it has a password. The servers' own roles are left out: the bootstrap superuser, the predefined
 * pg_* roles and a managed service's. Roles only the target holds are not differences: a target has roles of its
 * own, its admin first.
 */
public final class RoleComparison {

    /**
     * @param differences each role that differs, by name, with a one-line description on each side; the target's
     *                    null when it lacks the role
     * @param notCompared what could not be compared, in words: passwords when pg_authid is hidden
     */
    public record Result(List<Difference> differences, List<String> notCompared) {
    }

    /** One role, described on each server; {@code target} is null when the target lacks it. */
    public record Difference(String role, String source, String target) {
    }

    private RoleComparison() {
    }

    /**
     * Compares the roles on two sessions, each in a read-only transaction of its own.
     *
     * @param databases the databases whose per-database role settings count: those verified on both servers
     */
    public static Result compare(Connection source, Connection target, Set<String> databases) throws SQLException {
        SourceRoles s = new SourceRoleReader(source, CatalogReader.versionOf(source)).read();
        SourceRoles t = new SourceRoleReader(target, CatalogReader.versionOf(target)).read();
        boolean passwords = s.passwordsReadable() && t.passwordsReadable();
        Map<String, String> onSource = describe(s, passwords, databases);
        Map<String, String> onTarget = describe(t, passwords, databases);
        List<Difference> differences = new ArrayList<>();
        onSource.forEach((name, description) -> {
            String there = onTarget.get(name);
            if (!description.equals(there)) {
                differences.add(new Difference(name, description, there));
            }
        });
        List<String> notCompared = new ArrayList<>();
        if (!passwords) {
            notCompared.add("whether each role has a password: pg_authid is not readable on the "
                    + (s.passwordsReadable() ? "target" : t.passwordsReadable() ? "source" : "source nor the target"));
        }
        notCompared.add("roles only the target holds");
        return new Result(List.copyOf(differences), List.copyOf(notCompared));
    }

    /** Each role of the server that is not the server's own, as one line. */
    private static Map<String, String> describe(SourceRoles roles, boolean passwords, Set<String> databases) {
        Map<String, String> described = new LinkedHashMap<>();
        for (Role r : roles.roles()) {
            if (r.bootstrap() || TargetProfile.anyOwns(r.name())) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            TreeSet<String> attributes = new TreeSet<>();
            r.attributes().forEach(a -> attributes.add(a.name()));
            parts.add(attributes.isEmpty() ? "no attributes" : String.join(" ", attributes));
            if (r.connectionLimit() != -1) {
                parts.add("connection limit " + r.connectionLimit());
            }
            if (r.validUntil() != null) {
                parts.add("valid until " + r.validUntil());
            }
            if (passwords) {
                parts.add(r.password() != null ? "a password" : "no password");
            }
            if (!r.settings().isEmpty()) {
                parts.add("SET " + String.join(", ", new TreeSet<>(r.settings())));
            }
            TreeSet<String> memberOf = new TreeSet<>();
            for (Membership m : roles.memberships()) {
                if (m.member().equals(r.name()) && !TargetProfile.anyOwns(m.role())) {
                    memberOf.add(m.role() + (m.admin() ? " WITH ADMIN" : ""));
                }
            }
            if (!memberOf.isEmpty()) {
                parts.add("member of " + String.join(", ", memberOf));
            }
            TreeSet<String> perDatabase = new TreeSet<>();
            for (DatabaseRoleSetting d : roles.databaseSettings()) {
                if (r.name().equals(d.role()) && databases.contains(d.database())) {
                    perDatabase.add("in " + d.database() + " SET " + String.join(", ", new TreeSet<>(d.settings())));
                }
            }
            parts.addAll(perDatabase);
            if (r.comment() != null) {
                parts.add("comment " + r.comment());
            }
            described.put(r.name(), String.join("; ", parts));
        }
        return described;
    }
}
