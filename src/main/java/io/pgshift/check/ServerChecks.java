package io.pgshift.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.pgshift.catalog.ServerVersion;
import io.pgshift.connect.ConnInfo;

/** Findings about the two servers as a whole: the connections, the versions, and the target user's rights. */
final class ServerChecks {
    private ServerChecks() {
    }

    static List<Finding> connectivity(ConnInfo sourceInfo, ServerFacts source, ConnInfo targetInfo, ServerFacts target) {
        List<Finding> found = new ArrayList<>();
        found.add(ssl("source", sourceInfo, source));
        found.add(ssl("target", targetInfo, target));
        found.add(FindingCode.VERSIONS.info(null, List.of(),
                "the source runs PostgreSQL " + source.versionText() + ", the target PostgreSQL " + target.versionText()));
        if (source.version().compareTo(ServerVersion.OLDEST_SUPPORTED) < 0) {
            found.add(FindingCode.SOURCE_VERSION_UNSUPPORTED.error(null, List.of(), "the source runs PostgreSQL "
                    + source.version().major() + "; pgshift reads sources from 9.6 on",
                    "upgrade the source to 9.6 or later first, or use that version's pg_dump"));
        }
        if (target.version().majorNumber() < source.version().majorNumber()) {
            found.add(FindingCode.TARGET_OLDER.error(null, List.of(), "the target's PostgreSQL "
                    + target.version().major() + " is older than the source's " + source.version().major()
                    + ": a dump of a newer server cannot be restored into an older one",
                    "choose a target of version " + source.version().major() + " or later"));
        } else if (target.version().majorNumber() == source.version().majorNumber()) {
            found.add(FindingCode.TARGET_SAME_MAJOR.warning(null, List.of(), "both servers run PostgreSQL "
                    + source.version().major() + ": this moves the data to another server but is not an upgrade",
                    "if you meant to upgrade, choose a target of a newer major version"));
        }
        if (sameServer(sourceInfo, source, targetInfo, target)) {
            found.add(FindingCode.SAME_SERVER.error(null, List.of(sourceInfo.describe(), targetInfo.describe()),
                    "the source and the target are the same server", "give the new server as --target"));
        }
        if (target.inRecovery()) {
            found.add(FindingCode.TARGET_IN_RECOVERY.error(null, List.of(targetInfo.describe()),
                    "the target is a standby in recovery and cannot be written", "give the new primary as --target"));
        }
        return found;
    }

    /**
     * The same server when the connection strings name the same host and port, or when it reports the same
     * start time and version, and the same system identifier if both can read it. The identifier alone is not
     * enough: a standby or a clone restored from a backup shares it with the source and is a different server.
     */
    static boolean sameServer(ConnInfo sourceInfo, ServerFacts source, ConnInfo targetInfo, ServerFacts target) {
        boolean sameEndpoint = sourceInfo.host().connectTo().equals(targetInfo.host().connectTo())
                && sourceInfo.host().port() == targetInfo.host().port();
        boolean sameIdentifier = source.systemIdentifier() == null || target.systemIdentifier() == null
                || source.systemIdentifier().equals(target.systemIdentifier());
        return sameEndpoint || source.startedAt().equals(target.startedAt())
                && source.version().equals(target.version()) && sameIdentifier;
    }

    private static Finding ssl(String side, ConnInfo info, ServerFacts facts) {
        String message = facts.ssl()
                ? "the connection to the " + side + " (" + info.describe() + ") is encrypted with SSL ("
                        + Objects.requireNonNullElse(facts.sslVersion(), "unknown protocol") + ")"
                : "the connection to the " + side + " (" + info.describe() + ") is not encrypted; use sslmode=require "
                        + "or verify-full when it crosses a network you do not trust";
        return FindingCode.SSL.info(null, List.of(side), message);
    }

    /**
     * The target user creates databases (unless all exist already) and roles. On managed services it is not a
     * superuser but a member of the provider's admin role, which grants what the upgrade needs.
     */
    static List<Finding> targetPrivileges(ServerFacts target, boolean createsDatabases) {
        List<Finding> found = new ArrayList<>();
        String user = target.user();
        if (!target.superuser() && !target.createdb() && createsDatabases) {
            found.add(FindingCode.TARGET_NO_CREATEDB.error(null, List.of(user), "the target user " + user
                    + " may not create databases (no CREATEDB)", "ALTER ROLE " + user + " CREATEDB on the target, "
                    + "connect as an administrator, or create the databases yourself first"));
        }
        if (!target.superuser() && !target.createrole()) {
            found.add(FindingCode.TARGET_NO_CREATEROLE.error(null, List.of(user), "the target user " + user
                    + " may not create roles (no CREATEROLE), so the source's roles cannot be migrated",
                    "ALTER ROLE " + user + " CREATEROLE on the target, or connect as an administrator"));
        }
        for (Map.Entry<String, Boolean> admin : target.providerAdminRoles().entrySet()) {
            if (admin.getValue()) {
                found.add(FindingCode.TARGET_PROVIDER_ADMIN.info(null, List.of(admin.getKey()), "the target user "
                        + user + " is a member of the provider's admin role " + admin.getKey()));
            } else if (!target.superuser()) {
                found.add(FindingCode.TARGET_PROVIDER_ADMIN.warning(null, List.of(admin.getKey()), "the target user "
                        + user + " is not a member of the provider's admin role " + admin.getKey()
                        + ", so it may not own or grant what the source's administrators did",
                        "connect as the server's administrator, or GRANT " + admin.getKey() + " TO " + user));
            }
        }
        return found;
    }

    /** Managed services hide pg_authid: the roles can be migrated, their passwords cannot. */
    static List<Finding> sourcePrivileges(ServerFacts source) {
        if (source.readsAuthid()) {
            return List.of();
        }
        return List.of(FindingCode.SOURCE_PASSWORDS_HIDDEN.warning(null, List.of(source.user()), "the source user "
                + source.user() + " may not read pg_authid, so the roles' passwords cannot be copied",
                "connect to the source as a superuser, or set the roles' passwords on the target after the upgrade"));
    }
}
