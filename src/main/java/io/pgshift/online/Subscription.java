package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.Connections;
import io.pgshift.sql.Sql;

/**
 * The subscription on the target, on the slot made with the copy's snapshot: it neither copies the tables again
 * (copy_data = false) nor makes a slot of its own (create_slot = false), so the target's own apply worker replays
 * every change committed after the snapshot, in commit order, and goes on doing so whether pgshift runs or not.
 */
final class Subscription {
    private Subscription() {
    }

    /**
     * Creates the subscription. The connection string, password included, is stored in the target's catalog,
     * readable by superusers only, until the cutover or abort drops it; it is never logged here.
     */
    static void create(Connection target, String name, String connection) throws SQLException {
        try {
            Statements.execute(target, "CREATE SUBSCRIPTION " + Sql.ident(name) + " CONNECTION "
                    + Sql.literal(connection) + " PUBLICATION " + Sql.ident(name) + " WITH (copy_data = false,"
                    + " create_slot = false, slot_name = " + Sql.literal(name) + ", enabled = true)");
        } catch (SQLException e) {
            // The statement holds the password: the server's message never quotes it, but the driver's may.
            throw new SQLException("CREATE SUBSCRIPTION " + name + " failed: " + firstLine(e.getMessage()),
                    e.getSQLState());
        }
    }

    /**
     * Waits until the subscription's worker receives from the source, which proves the target reaches it with the
     * credentials given.
     *
     * @throws PgShiftException ONLINE_NOT_READY when it does not within {@code patience}
     */
    static void awaitFollowing(Connection target, Connection source, String name, Duration patience)
            throws SQLException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            boolean receiving = Statements.first(target, "SELECT received_lsn IS NOT NULL"
                    + " FROM pg_catalog.pg_stat_subscription WHERE subname = ? AND relid IS NULL",
                    rs -> rs.getBoolean(1), name).orElse(false);
            boolean active = Statements.first(source, "SELECT active FROM pg_catalog.pg_replication_slots"
                    + " WHERE slot_name = ?", rs -> rs.getBoolean(1), name).orElse(false);
            if (receiving && active) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new PgShiftException(ErrorCode.ONLINE_NOT_READY, "the target's subscription did not start "
                        + "receiving from the source within " + patience.toSeconds() + " s: the target cannot "
                        + "reach the source as the source's connection string says (its server log says why); "
                        + "give --source-from-target with the host, port and credentials the target should use");
            }
            Connections.sleep(250);
        }
    }

    /**
     * Drops the subscription, if it exists, without touching the source: it is disabled and cut loose from its
     * slot first, which the caller drops on the source itself. A plain DROP SUBSCRIPTION would connect to the
     * source to drop the slot and fail when the source cannot be reached.
     */
    static boolean drop(Connection target, String name) throws SQLException {
        boolean exists = Statements.first(target, "SELECT 1 FROM pg_catalog.pg_subscription WHERE subname = ?",
                rs -> 1, name).isPresent();
        if (exists) {
            String sub = Sql.ident(name);
            Statements.execute(target, "ALTER SUBSCRIPTION " + sub + " DISABLE");
            Statements.execute(target, "ALTER SUBSCRIPTION " + sub + " SET (slot_name = NONE)");
            Statements.execute(target, "DROP SUBSCRIPTION " + sub);
        }
        return exists;
    }

    static boolean exists(Connection target, String name) throws SQLException {
        return Statements.first(target, "SELECT 1 FROM pg_catalog.pg_subscription WHERE subname = ?", rs -> 1, name)
                .isPresent();
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
