package io.pgshift.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import io.pgshift.catalog.RoleUse;
import io.pgshift.catalog.SourceContext;
import io.pgshift.roles.RoleAccess;
import io.pgshift.progress.ProgressListener;

/**
 * Before a copy writes anything: the roles its objects name must exist on the target, and the target user must be
 * able to act as every owner. A user that is not a superuser grants itself what it lacks and may grant (see
 * {@link RoleAccess}); what it cannot stops the copy here, not halfway through the schema.
 */
final class OwnerAccess {
    private OwnerAccess() {
    }

    /** @return the memberships granted, to be taken back at the end; none with --no-owner */
    static RoleAccess.Grants prepare(CopyOptions options, SourceContext source, Connection target,
                                     ProgressListener listener) throws SQLException {
        RoleUse use = RoleUse.read(source);
        Set<String> named = new HashSet<>();
        if (!options.ddl().noAcl()) {
            named.addAll(use.mentioned());
        }
        if (!options.ddl().noOwner()) {
            named.addAll(use.owners());
        }
        RoleAccess.requireExisting(target, named, "the source's objects name %s as owner or in their privileges",
                options.target().describe());
        if (options.ddl().noOwner()) {
            return null;
        }
        RoleAccess.Grants grants = RoleAccess.acquire(target, use.owners(), options.target().describe());
        if (!grants.roles().isEmpty()) {
            listener.warning(grants.describe(options.keepRoleGrants()));
        }
        return grants;
    }
}
