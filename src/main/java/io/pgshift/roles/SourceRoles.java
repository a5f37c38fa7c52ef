package io.pgshift.roles;

import java.util.List;

import io.pgshift.catalog.ServerVersion;

/**
 * Everything role-related read from the source in one read-only transaction.
 *
 * @param passwordsReadable false when pg_authid is hidden (managed services, non-superuser source users): then
 *                          no role has a password here
 * @param provider          the managed service the source runs on, GENERIC when none: its own roles stay behind
 */
record SourceRoles(ServerVersion version, List<Role> roles, List<Membership> memberships,
                   List<DatabaseRoleSetting> databaseSettings, List<ParameterGrant> parameterGrants,
                   boolean passwordsReadable, TargetProfile provider) {
    SourceRoles {
        roles = List.copyOf(roles);
        memberships = List.copyOf(memberships);
        databaseSettings = List.copyOf(databaseSettings);
        parameterGrants = List.copyOf(parameterGrants);
    }
}
