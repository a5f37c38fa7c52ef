package io.pgshift.verify;

import java.sql.Connection;
import java.sql.SQLException;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.RoleUse;
import io.pgshift.catalog.SourceContext;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connector;
import io.pgshift.roles.RoleAccess;

/**
 * Verification reads every row on the target, and a managed admin may not read the tables it gave to their owners.
 * So a target user that is not a superuser grants itself membership in the owners' roles for the time of the
 * verification, as the copy did (see {@link RoleAccess}), as far as it may, and takes it back after. What it still
 * cannot read fails the verification with the server's own words. The source is never written: a source user that
 * cannot read a table is told so by the error, and by {@code pgshift check} before.
 */
final class TargetAccess {
    private TargetAccess() {
    }

    static RoleAccess.Grants acquire(ConnInfo target) {
        try (Connection connection = Connector.open(target)) {
            RoleUse use = RoleUse.read(new SourceContext(connection, CatalogReader.versionOf(connection)));
            return RoleAccess.acquireWhatItMay(target, use.owners());
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.VERIFICATION_FAILED, "could not read the owners of "
                    + target.describe() + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
