package io.pgshift.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.SourceContext;
import io.pgshift.roles.TargetProfile;

/** Tells which managed service the target runs on, as the roles step will detect it, and why. */
final class TargetProfiles {
    private TargetProfiles() {
    }

    static Finding finding(Connection target, ServerFacts facts) throws SQLException {
        SourceContext context = new SourceContext(target, CatalogReader.versionOf(target));
        List<String> roles = context.list("SELECT rolname FROM pg_catalog.pg_roles", rs -> rs.getString(1));
        List<String> settings = context.list("SELECT name FROM pg_catalog.pg_settings", rs -> rs.getString(1));
        TargetProfile profile = TargetProfile.detect(roles, settings);
        String marker = profile.markerAmong(roles);
        String message = profile == TargetProfile.GENERIC
                ? "the target shows no managed service's roles: it is treated as a self-managed server (profile "
                        + "generic)" + (facts.superuser() ? "" : ", whose user " + facts.user() + " is not a superuser")
                : "the target runs on " + profile.label() + " (detected from " + (marker != null ? "role " + marker
                        : "its settings") + "): roles are created without the attributes it reserves (SUPERUSER, "
                        + "REPLICATION, BYPASSRLS), and its own roles are never copied; give --target-profile to "
                        + "override";
        return FindingCode.TARGET_PROFILE.info(null, List.of(profile.label()), message);
    }
}
