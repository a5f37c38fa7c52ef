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

    /**
     * Whether this user may create a subscription here, found by making one that never connects (connect = false,
     * no slot) inside a transaction that is rolled back: managed services relax PostgreSQL's own rule in ways no
     * catalog shows, so trying is the only sure answer, and it leaves nothing behind.
     *
     * @return the server's refusal, or null when it may
     */
    private static String subscribeRefusal(Connection target, String name) throws SQLException {
        boolean autoCommit = target.getAutoCommit();
        target.setAutoCommit(false);
        try {
            Statements.execute(target, "CREATE SUBSCRIPTION " + io.pgshift.sql.Sql.ident(name + "_probe")
                    + " CONNECTION 'dbname=pgshift_probe password=probe' PUBLICATION pgshift_probe"
                    + " WITH (connect = false, slot_name = NONE)");
            return null;
        } catch (SQLException e) {
            return e.getMessage() == null ? e.getSQLState() : e.getMessage().lines().findFirst().orElse("")
                    .replaceFirst("^ERROR: ", "");
        } finally {
            target.rollback();
            target.setAutoCommit(autoCommit);
        }
    }

    static void check(Connection target, ServerVersion version, String where, String name) throws SQLException {
        List<String> problems = new ArrayList<>();
        String user = Statements.text(target, "SELECT current_user");
        String refusal = subscribeRefusal(target, name);
        if (refusal != null) {
            problems.add(user + " may not create a subscription (" + refusal + "): PostgreSQL " + version.major()
                    + " lets " + (version.atLeast(16) ? "superusers and members of pg_create_subscription with "
                            + "CREATE on the database" : "only superusers (from PostgreSQL 16 on, members of "
                            + "pg_create_subscription too)") + " do it, and managed services their admins");
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
