package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * Reads how far the target is behind, from the source's slot and WAL sender (pg_replication_slots,
 * pg_stat_replication) and the target's subscription (pg_stat_subscription). Each reading after the first also
 * gives the apply rate since the one before.
 */
public final class StatusReader {
    private final String name;
    private long previousConfirmed = -1;
    private long previousNanos;

    StatusReader(String name) {
        this.name = name;
    }

    /**
     * @throws PgShiftException ONLINE_NOT_READY when the source has no slot of that name: no online copy of this
     *                          database runs
     */
    public FollowStatus read(Connection source, Connection target) throws SQLException {
        Object[] slot = Statements.first(source, "SELECT s.active, pg_catalog.pg_current_wal_lsn()::text,"
                + " s.confirmed_flush_lsn::text,"
                + " pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), s.confirmed_flush_lsn)::int8,"
                + " pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), s.restart_lsn)::int8,"
                + " pg_catalog.pg_wal_lsn_diff(s.confirmed_flush_lsn, '0/0')::int8,"
                + " (SELECT extract(epoch FROM r.replay_lag) FROM pg_catalog.pg_stat_replication r"
                + "  WHERE r.pid = s.active_pid)"
                + " FROM pg_catalog.pg_replication_slots s WHERE s.slot_name = ?",
                rs -> new Object[] {rs.getBoolean(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getObject(7) == null ? null : rs.getDouble(7)}, name)
                .orElseThrow(() -> new PgShiftException(ErrorCode.ONLINE_NOT_READY, "there is no online copy of this "
                        + "database: the source has no replication slot " + name));
        boolean receiving = target != null && Statements.first(target, "SELECT pid IS NOT NULL AND received_lsn IS"
                + " NOT NULL FROM pg_catalog.pg_stat_subscription WHERE subname = ? AND relid IS NULL",
                rs -> rs.getBoolean(1), name).orElse(false);
        long confirmed = (Long) slot[5];
        long now = System.nanoTime();
        double rate = -1;
        if (previousConfirmed >= 0 && now > previousNanos) {
            rate = Math.max(0, confirmed - previousConfirmed) * 1e9 / (now - previousNanos);
        }
        previousConfirmed = confirmed;
        previousNanos = now;
        Double lag = (Double) slot[6];
        return new FollowStatus(name, (Boolean) slot[0], receiving, (String) slot[1], (String) slot[2],
                Math.max(0, (Long) slot[3]), Math.max(0, (Long) slot[4]),
                lag == null ? null : Duration.ofMillis((long) (lag * 1000)), rate);
    }
}
