package io.pgshift.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

import io.pgshift.catalog.ServerVersion;

/**
 * Waits until everything the run committed on the target so far is on the target's disk. Target sessions commit
 * asynchronously for speed, and a crash of the target (not a clean restart) takes back the commits whose WAL was not
 * written yet.
 * <p>
 * A synchronous commit alone does not do it: PostgreSQL flushes the WAL at a commit only if the transaction wrote
 * WAL of its own, and no statement that writes WAL is harmless and allowed to every role on every database. So the
 * WAL position that follows every commit made so far is noted, a commit with a transaction id and nothing else
 * tells the WAL writer to flush past it (it does so within a few wal_writer_delay, 200 ms by default), and the flush
 * position is read until it gets there.
 */
public final class DurablePoint {
    /** What a run says when the target did not confirm in time; nothing is lost, the risk is only named. */
    private static final String NOT_CONFIRMED = "the target did not confirm within %d s that the run's commits are on "
            + "its disk: a crash of the target server now could take back the last of them";
    /** Three wal_writer_delay at its largest (10 s), twice over. */
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 10;

    private DurablePoint() {
    }

    /**
     * Returns once every commit made on the target before this call is flushed to its WAL on disk, or false after
     * {@link #LIMIT} without that.
     */
    public static boolean reach(Connection target, ServerVersion version) throws SQLException {
        boolean wal = version.atLeast(10);
        String insert = wal ? "pg_catalog.pg_current_wal_insert_lsn()" : "pg_catalog.pg_current_xlog_insert_location()";
        String flush = wal ? "pg_catalog.pg_current_wal_flush_lsn()" : "pg_catalog.pg_current_xlog_flush_location()";
        SessionSettings.execute(target, "BEGIN");
        String past;
        try {
            past = text(target, "SELECT " + insert + "::text");
            // A transaction id makes the commit write a commit record, which the WAL writer is told to flush.
            SessionSettings.execute(target, "SELECT pg_catalog.txid_current()");
            SessionSettings.execute(target, "COMMIT");
        } catch (SQLException e) {
            SessionSettings.execute(target, "ROLLBACK");
            throw e;
        }
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!flushedPast(target, flush, past)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The warning for a run whose target did not confirm. */
    public static String notConfirmed() {
        return NOT_CONFIRMED.formatted(LIMIT.toSeconds());
    }

    private static String text(Connection target, String sql) throws SQLException {
        try (PreparedStatement st = target.prepareStatement(sql); ResultSet rs = st.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static boolean flushedPast(Connection target, String flush, String position) throws SQLException {
        try (PreparedStatement st = target.prepareStatement("SELECT " + flush + " >= ?::pg_catalog.pg_lsn")) {
            st.setString(1, position);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
