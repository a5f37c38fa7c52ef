package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.ServerVersion;

/**
 * What the target needs to follow the source with a subscription of its own: the right to create one (a superuser,
 * or from PostgreSQL 16 on a member of pg_create_subscription, which the managed services give their admins) and a
 * logical replication worker to run it.
 */
final class TargetReadiness {
    private TargetReadiness() {
    }

    static void check(Connection target, ServerVersion version, String where, String name) throws SQLException {
        List<String> problems = new ArrayList<>();
        String user = Statements.text(target, "SELECT current_user");
        boolean superuser = "t".equals(Statements.text(target,
                "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user"));
        if (!superuser) {
            boolean member = version.atLeast(16) && "t".equals(Statements.text(target,
                    "SELECT pg_catalog.pg_has_role('pg_create_subscription', 'MEMBER')"));
            if (!member) {
                problems.add(user + " may not create a subscription: PostgreSQL " + version.major() + " lets only "
                        + (version.atLeast(16) ? "superusers and members of pg_create_subscription"
                                : "superusers (from PostgreSQL 16 on, members of pg_create_subscription too)")
                        + " do it");
            }
        }
        if ("0".equals(Statements.text(target,
                "SELECT pg_catalog.current_setting('max_logical_replication_workers')"))) {
            problems.add("max_logical_replication_workers is 0, so no subscription can run: raise it and restart "
                    + "the target");
        }
        if (Statements.first(target, "SELECT 1 FROM pg_catalog.pg_subscription WHERE subname = ?", rs -> 1, name)
                .isPresent()) {
            problems.add("the target has a subscription " + name + " already: an online copy of the same source "
                    + "database runs into it; see pgshift status, or remove it with pgshift abort");
        }
        if (!problems.isEmpty()) {
            throw new PgShiftException(ErrorCode.ONLINE_NOT_READY, "online mode cannot follow into the target "
                    + where + ": " + String.join("; ", problems));
        }
    }
}
