package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

import org.postgresql.PGConnection;
import org.postgresql.replication.ReplicationSlotInfo;

import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connections;
import io.pgshift.connect.Connector;

/**
 * The logical replication slot on the source, made on a replication connection together with a snapshot that
 * other sessions import: the copy reads exactly the rows the slot's first change follows, so nothing is copied
 * twice or missed. The snapshot lives only while the replication connection stays open and idle, so this object
 * holds it until the copy is done.
 */
final class Slot implements AutoCloseable {
    private final Connection replication;
    private final String name;
    private final String snapshot;
    private final String consistentPoint;

    private Slot(Connection replication, String name, String snapshot, String consistentPoint) {
        this.replication = replication;
        this.name = name;
        this.snapshot = snapshot;
        this.consistentPoint = consistentPoint;
    }

    static Slot create(ConnInfo source, String name) throws SQLException {
        Connection replication = Connector.openReplication(source);
        try {
            ReplicationSlotInfo info = replication.unwrap(PGConnection.class).getReplicationAPI()
                    .createReplicationSlot().logical().withSlotName(name).withOutputPlugin("pgoutput").make();
            return new Slot(replication, name, info.getSnapshotName(), info.getConsistentPoint().asString());
        } catch (SQLException | RuntimeException e) {
            Connections.closeQuietly(replication);
            throw e;
        }
    }

    /** The snapshot to copy in. */
    String snapshot() {
        return snapshot;
    }

    /** The WAL position from which the slot's changes follow the snapshot. */
    String consistentPoint() {
        return consistentPoint;
    }

    String name() {
        return name;
    }

    /** Ends the replication connection, and with it the snapshot; the slot stays for the subscription. */
    @Override
    public void close() {
        Connections.closeQuietly(replication);
    }

    /**
     * Drops the slot, if it exists, ending the WAL sender that holds it first: a subscription being dropped may
     * still be reading it. Gives up after {@code patience}.
     */
    static boolean drop(Connection source, String name, Duration patience) throws SQLException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<Integer> active = Statements.first(source, "SELECT coalesce(active_pid, 0)"
                    + " FROM pg_catalog.pg_replication_slots WHERE slot_name = ?", rs -> rs.getInt(1), name);
            if (active.isEmpty()) {
                return false;
            }
            if (active.get() == 0) {
                try {
                    Statements.rows(source, "SELECT pg_catalog.pg_drop_replication_slot(?)", rs -> 1, name);
                    return true;
                } catch (SQLException e) {
                    // Taken up again in between by a WAL sender (state 55006): end it below.
                    if (!"55006".equals(e.getSQLState()) || System.nanoTime() > deadline) {
                        throw e;
                    }
                }
            } else {
                Statements.rows(source, "SELECT pg_catalog.pg_terminate_backend(?)", rs -> 1, active.get());
            }
            if (System.nanoTime() > deadline) {
                throw new SQLException("replication slot " + name + " stayed in use by process " + active.get()
                        + " for " + patience.toSeconds() + " s");
            }
            Connections.sleep(200);
        }
    }
}
