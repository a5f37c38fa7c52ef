package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.Sizes;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connections;
import io.pgshift.connect.Connector;

/**
 * Keeps the WAL a slot holds on the source under {@code --max-slot-wal} while the copy runs: until the target
 * subscribes, nothing consumes the slot, and every change the application makes meanwhile stays on the source's
 * disk. Before the copy it estimates from the WAL rate of the moment; during it, it measures every few seconds and
 * gives the copy up when the limit is passed.
 */
final class SlotWatch implements AutoCloseable {
    /** The copy speed the estimate assumes: a cautious figure for a copy of one database over a network. */
    static final long ASSUMED_COPY_BYTES_PER_SECOND = 64L << 20;
    private static final long POLL_MILLIS = 5_000;

    private final Thread thread;
    private final AtomicLong held = new AtomicLong();
    private volatile boolean exceeded;
    private volatile boolean stopped;

    private SlotWatch(ConnInfo source, String name, long limit, Runnable giveUp) {
        thread = new Thread(() -> watch(source, name, limit, giveUp), "pgshift-slot-watch");
        thread.setDaemon(true);
    }

    /**
     * Refuses the start when the WAL written while the database is copied would pass the limit, at the rate the
     * source writes WAL now (measured over two seconds).
     */
    static void estimate(Connection source, long limit) throws SQLException {
        long first = Long.parseLong(Statements.text(source,
                "SELECT pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), '0/0')::int8"));
        long start = System.nanoTime();
        Connections.sleep(2000);
        long second = Long.parseLong(Statements.text(source,
                "SELECT pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(), '0/0')::int8"));
        double rate = (second - first) * 1e9 / (System.nanoTime() - start);
        long size = Long.parseLong(Statements.text(source,
                "SELECT pg_catalog.pg_database_size(pg_catalog.current_database())"));
        double copySeconds = (double) size / ASSUMED_COPY_BYTES_PER_SECOND;
        long expected = (long) (rate * copySeconds);
        if (expected > limit) {
            throw new PgShiftException(ErrorCode.ONLINE_NOT_READY, "the source writes " + Sizes.bytes((long) rate)
                    + " of WAL per second now; copying its " + Sizes.bytes(size) + " at about "
                    + Sizes.bytes(ASSUMED_COPY_BYTES_PER_SECOND) + "/s would leave about " + Sizes.bytes(expected)
                    + " in the replication slot, more than --max-slot-wal " + Sizes.bytes(limit)
                    + ": start at a quieter time, or allow more");
        }
    }

    static SlotWatch start(ConnInfo source, String name, long limit, Runnable giveUp) {
        SlotWatch watch = new SlotWatch(source, name, limit, giveUp);
        if (limit > 0) {
            watch.thread.start();
        }
        return watch;
    }

    private void watch(ConnInfo source, String name, long limit, Runnable giveUp) {
        try (Connection c = Connector.open(source)) {
            while (!stopped) {
                long bytes = Statements.first(c, "SELECT pg_catalog.pg_wal_lsn_diff(pg_catalog.pg_current_wal_lsn(),"
                        + " restart_lsn)::int8 FROM pg_catalog.pg_replication_slots WHERE slot_name = ?",
                        rs -> rs.getLong(1), name).orElse(0L);
                held.set(bytes);
                if (bytes > limit) {
                    exceeded = true;
                    giveUp.run();
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException e) {
            // The watch is a guard, not the copy: a lost session here leaves the copy to finish or fail by itself.
        }
    }

    /** Whether the copy was given up because the slot held too much WAL; then the failure to report. */
    PgShiftException failure(long limit) {
        return exceeded ? new PgShiftException(ErrorCode.MIGRATION_FAILED, "the replication slot held "
                + Sizes.bytes(held.get()) + " of WAL on the source, more than --max-slot-wal " + Sizes.bytes(limit)
                + ": the online copy was given up, and its slot, publication and subscription removed") : null;
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
    }
}
