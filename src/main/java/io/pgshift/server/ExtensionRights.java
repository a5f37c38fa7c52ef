package io.pgshift.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.Extension;

/**
 * The extensions a target user that is not a superuser may not create: those the server does not trust, and on
 * Azure and RDS those missing from the service's allow-list (azure.extensions, rds.allowed_extensions), which the
 * service enforces even for trusted ones. Found before anything is written; pgshift check reports the same as
 * PGS-EXTENSION-NOT-ALLOWED.
 */
public final class ExtensionRights {
    private static final List<String> ALLOW_LISTS = List.of("azure.extensions", "rds.allowed_extensions");

    /**
     * A managed service's extension allow-list.
     *
     * @param setting the server parameter that holds it
     * @param names   the extensions it allows, lower case; {@code *} allows every extension
     */
    public record AllowList(String setting, Set<String> names) {
        public AllowList {
            names = Set.copyOf(names);
        }

        public boolean allows(String extension) {
            return names.contains("*") || names.contains(extension.toLowerCase(Locale.ROOT));
        }
    }

    @FunctionalInterface
    public interface Installed {
        Set<String> get() throws SQLException;
    }

    private ExtensionRights() {
    }

    /**
     * One line per extension a target user that is not a superuser may not create and the target database does
     * not have yet; the caller asks only for such a user.
     */
    public static List<String> refused(Connection target, List<Extension> extensions, Installed installed)
            throws SQLException {
        return refusedNames(target, extensions.stream().map(Extension::name).toList(), installed);
    }

    /** The same, for extensions known by name only (a dump's entries). */
    public static List<String> refusedNames(Connection target, List<String> extensions, Installed installed)
            throws SQLException {
        if (extensions.stream().allMatch("plpgsql"::equals)) {
            return List.of();
        }
        Map<String, Boolean> creatable = creatable(target);
        AllowList allowList = allowList(target);
        Set<String> there = null;
        List<String> refused = new ArrayList<>();
        for (String name : extensions) {
            if ("plpgsql".equals(name) || !creatable.containsKey(name)) {
                continue; // always there, or not available at all (reported as such)
            }
            boolean allowed = allowList != null ? allowList.allows(name) : creatable.get(name);
            if (!allowed) {
                there = there == null ? installed.get() : there;
                if (!there.contains(name)) {
                    refused.add(allowList != null
                            ? "extension " + name + " is not in the target's allow-list " + allowList.setting()
                                    + " (add it there, then run again)"
                            : "extension " + name + " is not trusted, so only a superuser may create it (create it "
                                    + "in the target database as a superuser first)");
                }
            }
        }
        return refused;
    }

    /** The service's allow-list, or null on a server that has none (self-managed, Cloud SQL). */
    public static AllowList allowList(Connection target) throws SQLException {
        for (String setting : ALLOW_LISTS) {
            String value = single(target, "SELECT pg_catalog.current_setting('" + setting + "', true)");
            if (value != null) {
                Set<String> names = new HashSet<>();
                for (String name : value.split(",")) {
                    names.add(name.strip().toLowerCase(Locale.ROOT));
                }
                names.remove("");
                if (setting.startsWith("rds.") && names.isEmpty()) {
                    names.add("*"); // RDS allows all it supports unless the parameter narrows it
                }
                return new AllowList(setting, names);
            }
        }
        return null;
    }

    /** Whether a user that is not a superuser may create each extension at its default version. */
    public static Map<String, Boolean> creatable(Connection target) throws SQLException {
        String trusted = CatalogReader.versionOf(target).atLeast(13) ? " OR v.trusted" : "";
        Map<String, Boolean> creatable = new HashMap<>();
        try (Statement st = target.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT e.name, (NOT v.superuser%s) FROM pg_catalog.pg_available_extensions e
                JOIN pg_catalog.pg_available_extension_versions v ON v.name = e.name AND v.version = e.default_version
                """.formatted(trusted))) {
            while (rs.next()) {
                creatable.put(rs.getString(1), rs.getBoolean(2));
            }
        }
        return creatable;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
