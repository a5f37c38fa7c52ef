package io.pgshift.run;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongConsumer;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.data.CommitUnknown;
import io.pgshift.data.ConnectionLoss;
import io.pgshift.data.LoadListener;
import io.pgshift.data.SourceFailure;
import io.pgshift.data.TableCopier;
import io.pgshift.plan.Entry;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;
import io.pgshift.Errors;
import io.pgshift.connect.Connections;

/**
 * Loads a table's rows again, on new connections, when a connection was lost or its stream stood still. A table
 * (or a range of one) is loaded in one target transaction, so a load that failed left nothing behind, and the
 * next attempt starts clean; only a commit cut off halfway is in doubt, and the target is asked about it by the
 * transaction's id. The source sessions read again in the run's snapshot, which the leader session holds: if that
 * one is lost too, the copy cannot go on consistently and says so.
 */
final class DataRetry {
    @FunctionalInterface
    interface Load {
        TableCopier.Result run(LongConsumer bytes) throws SQLException;
    }

    /** How long a cut-off commit that the old session is still finishing is waited for. */
    private static final java.time.Duration IN_PROGRESS_WAIT = java.time.Duration.ofSeconds(30);
    private final Faults faults;
    private final ServerVersion targetVersion;
    private final ProgressListener listener;
    /** Told of each new target session, which the resume log notes. */
    private final java.util.function.Consumer<Connection> newTarget;
    /** Each load's committed target transaction, with what it loaded; asked about again if the target restarted. */
    private final Map<Long, String> committedLoads = new ConcurrentHashMap<>();
    /**
     * Loads whose commit was cut off, by transaction id: their status as read right after a restart, before the run
     * began anything on the new server, or "" until then; see {@link #committed}.
     */
    private final Map<Long, String> inDoubt = new ConcurrentHashMap<>();
    /** When the target's server started, as the run first saw it; null when not watched. */
    private volatile String targetStarted;
    /** The server start whose loads were checked already, under its own lock: see {@link #checkIfRestarted}. */
    private final Object restartCheck = new Object();
    private String checkedStart;

    DataRetry(Faults faults, ServerVersion targetVersion, ProgressListener listener) {
        this(faults, targetVersion, listener, c -> { });
    }

    DataRetry(Faults faults, ServerVersion targetVersion, ProgressListener listener,
              java.util.function.Consumer<Connection> newTarget) {
        this.faults = faults;
        this.targetVersion = targetVersion;
        this.listener = listener;
        this.newTarget = newTarget;
    }

    /**
     * Runs the load, and again after each lost connection, up to the retries allowed.
     *
     * @param what     the table or range, for messages
     * @param progress where the bytes moved are counted; an attempt that fails takes its bytes back
     */
    TableCopier.Result load(RetryableSessions w, String what, Progress progress, Load load) throws SQLException {
        return load(w, what, progress, id -> { }, load);
    }

    /**
     * As above, telling {@code began} the id of each attempt's target transaction, before it writes anything.
     */
    TableCopier.Result load(RetryableSessions w, String what, Progress progress, LongConsumer began, Load load)
            throws SQLException {
        int attempts = faults.retries() + 1;
        for (int attempt = 1; ; ) {
            long[] moved = {0};
            long[] transaction = {0};
            w.streaming();
            try {
                TableCopier.Result result = load.run(new LoadListener() {
                    @Override
                    public void accept(long b) {
                        moved[0] += b;
                        progress.addBytes(b);
                        w.moved();
                    }

                    @Override
                    public void began(long transactionId) {
                        transaction[0] = transactionId;
                        began.accept(transactionId);
                    }
                });
                if (transaction[0] != 0) {
                    committedLoads.put(transaction[0], what);
                }
                return result;
            } catch (SQLException e) {
                progress.addBytes(-moved[0]);
                boolean stalled = w.stalled();
                if (!stalled && !ConnectionLoss.is(e)) {
                    throw e;
                }
                if (e instanceof CommitUnknown c) {
                    inDoubt.put(c.transactionId(), "");
                }
                String side = side(e, w);
                String why = stalled ? "its stream moved no byte for " + faults.stallTimeout().toSeconds()
                        + " s (--stall-timeout)" : "lost the connection to the " + side + " ("
                        + Errors.firstLine(e) + ")";
                attempt = recover(w, what, "copy data of " + what, why, e, "source".equals(side)
                        ? ErrorCode.SOURCE_FAILED : ErrorCode.MIGRATION_FAILED, attempt, attempts);
                // Settled as soon as the target answers again, before anything else runs: a range loaded again
                // after a commit that did happen would be in twice.
                if (e instanceof CommitUnknown c && committed(w.targetSession(), c, what)) {
                    committedLoads.put(c.transactionId(), what);
                    return new TableCopier.Result(c.rows(), c.bytes());
                }
            } finally {
                w.idle();
            }
        }
    }

    /** Notes when the target's server started, to tell at the end whether it restarted meanwhile. */
    void watchRestarts(Connection target) throws SQLException {
        targetStarted = serverStart(target);
    }

    /**
     * Fails the run when the target restarted during it and no longer has rows whose commit it had acknowledged.
     * Loads commit without waiting for their commit to be durable (only the run's last commit waits), so a crash,
     * unlike a fast shutdown, may lose the last ones: each load's transaction is then asked about again. A
     * transaction id the recovered server has not reached yet was lost with the rest.
     */
    void checkNothingLost(Connection target) throws SQLException {
        if (targetStarted == null || committedLoads.isEmpty() || targetStarted.equals(serverStart(target))) {
            return;
        }
        checkLoads(target);
    }

    /**
     * Right after new sessions opened, before any of them begins a transaction: a server that recovered from a crash
     * hands out again the transaction ids it lost, and a lost load's id taken by a new transaction that committed
     * would pass for its own. Every worker comes here after a restart, since a restart ends every session, and waits
     * for the first one's check.
     */
    private void checkIfRestarted(Connection target) throws SQLException {
        if (targetStarted == null) {
            return;
        }
        synchronized (restartCheck) {
            String now = serverStart(target);
            if (now.equals(targetStarted) || now.equals(checkedStart)) {
                return;
            }
            // Before any session of the run begins a transaction that could take a lost commit's id.
            for (Long id : inDoubt.keySet()) {
                inDoubt.put(id, status(target, id));
            }
            if (!committedLoads.isEmpty()) {
                checkLoads(target);
            }
            checkedStart = now;
        }
    }

    private void checkLoads(Connection target) throws SQLException {
        if (!targetVersion.atLeast(10)) {
            listener.warning("the target restarted during the run, and PostgreSQL " + targetVersion + " cannot tell "
                    + "whether it lost the last loads' commits (no txid_status): compare the databases with pgshift "
                    + "verify");
            return;
        }
        List<String> lost = new ArrayList<>();
        Array ids = target.createArrayOf("bigint", committedLoads.keySet().toArray());
        try (PreparedStatement st = target.prepareStatement("SELECT x FROM pg_catalog.unnest(?::pg_catalog.int8[]) x "
                + "WHERE CASE WHEN x >= pg_catalog.txid_snapshot_xmax(pg_catalog.txid_current_snapshot()) THEN true "
                + "ELSE pg_catalog.txid_status(x) IS DISTINCT FROM 'committed' END")) {
            st.setArray(1, ids);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    lost.add(committedLoads.get(rs.getLong(1)));
                }
            }
        }
        if (!lost.isEmpty()) {
            Collections.sort(lost);
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "the target restarted during the run and lost "
                    + "the rows of " + String.join(", ", lost.subList(0, Math.min(5, lost.size())))
                    + (lost.size() > 5 ? " and " + (lost.size() - 5) + " more" : "") + ", which it had committed "
                    + "(a crash loses the last commits before they are flushed): start over with --clean");
        }
    }

    private static String serverStart(Connection target) throws SQLException {
        try (Statement st = target.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_postmaster_start_time()::text")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Runs a step after the rows (an index, a constraint), and again on new sessions after the target connection
     * was lost, as a server restart does to every session. Each statement commits on its own, so an attempt after
     * the first runs the step as one an interruption may have left half done or done (see {@link InterruptedBuild}).
     *
     * @param resumed whether the step is one that an interrupted run may have begun already
     */
    void build(RetryableSessions w, Entry e, boolean resumed) throws SQLException {
        int attempts = faults.retries() + 1;
        boolean again = resumed;
        for (int attempt = 1; ; again = true) {
            try {
                if (again) {
                    InterruptedBuild.run(w.targetSession(), e);
                } else {
                    PostDataStatements.runDurably(w.targetSession(), e);
                }
                return;
            } catch (SQLException failure) {
                if (!ConnectionLoss.is(failure)) {
                    throw failure;
                }
                attempt = recover(w, e.toString(), "build " + e, "lost the connection to the target ("
                        + Errors.firstLine(failure) + ")", failure, ErrorCode.MIGRATION_FAILED, attempt, attempts);
            }
        }
    }

    /**
     * The worker's target session, opened again (within the retries) when it was lost while the worker had nothing
     * to do: a target that restarted ends every session, busy or not.
     */
    Connection alive(RetryableSessions w, String what) throws SQLException {
        if (valid(w.targetSession())) {
            return w.targetSession();
        }
        recover(w, what, "open a new session for " + what, "lost the connection to the target", null,
                ErrorCode.MIGRATION_FAILED, 1, faults.retries() + 1);
        return w.targetSession();
    }

    /**
     * Waits and opens new sessions, the waits growing, until the sessions open or the attempts are spent: a server
     * that restarts refuses connections for a while, and each refusal counts as an attempt, so that the whole wait
     * stays within what --retries allows. Returns the attempt that the new sessions are for.
     */
    private int recover(RetryableSessions w, String what, String action, String why, SQLException cause,
                        ErrorCode code, int attempt, int attempts) throws SQLException {
        for (String reason = why; ; ) {
            if (attempt == attempts) {
                throw new PgShiftException(code, "could not " + action + ": " + reason + ", " + (attempts == 1
                        ? "and --retries is 0" : "on all " + attempts + " attempts"), cause);
            }
            long pause = faults.pauseBefore(attempt + 1).toMillis();
            listener.warning(what + ": " + reason + "; trying again in " + pause / 1000 + " s on new connections"
                    + " (attempt " + (attempt + 1) + " of " + attempts + ")");
            Connections.sleep(pause);
            attempt++;
            try {
                w.reconnect();
            } catch (SQLException | PgShiftException e) {
                reason = "could not open new sessions (" + Errors.firstLine(e) + ")";
                continue;
            }
            newTarget.accept(w.targetSession());
            checkIfRestarted(w.targetSession());
            return attempt;
        }
    }

    /**
     * Whether the transaction whose commit was cut off did commit, asked of the target. After a restart the answer
     * was read before the run began anything on the new server: a crash loses the transaction ids it had not written
     * down, and hands them out again. Without a restart, the old session may still be finishing its commit, which
     * is waited for.
     */
    private boolean committed(Connection target, CommitUnknown c, String what) throws SQLException {
        if (!targetVersion.atLeast(10)) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "lost the connection to the target while it "
                    + "committed the rows of " + what + ", and PostgreSQL " + targetVersion + " cannot tell whether "
                    + "they are in (no txid_status): check the table, then copy again with --clean", c);
        }
        long id = c.transactionId();
        String atRestart = inDoubt.remove(id);
        if (atRestart != null && !atRestart.isEmpty()) {
            return "committed".equals(atRestart);
        }
        long deadline = System.nanoTime() + IN_PROGRESS_WAIT.toNanos();
        for (String status = status(target, id); ; status = status(target, id)) {
            if (!"in progress".equals(status) || System.nanoTime() > deadline) {
                return "committed".equals(status);
            }
            Connections.sleep(100);
        }
    }

    /**
     * A transaction's status: committed, aborted, in progress, lost for an id the server has not reached, as a
     * crash leaves the ids it had not written down (txid_status refuses those), or unknown for one too old to tell.
     */
    private static String status(Connection target, long id) throws SQLException {
        try (PreparedStatement st = target.prepareStatement("SELECT CASE WHEN ?::pg_catalog.int8 >= "
                + "pg_catalog.txid_snapshot_xmax(pg_catalog.txid_current_snapshot()) THEN 'lost' "
                + "ELSE coalesce(pg_catalog.txid_status(?), 'unknown') END")) {
            st.setLong(1, id);
            st.setLong(2, id);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Which server the failure came from: the source's own failures say so; else the one that no longer answers. */
    private static String side(SQLException e, RetryableSessions w) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SourceFailure) {
                return "source";
            }
        }
        return w.sourceSession() != null && valid(w.targetSession()) && !valid(w.sourceSession()) ? "source"
                : "target";
    }

    private static boolean valid(Connection c) {
        try {
            return c != null && c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }
}
