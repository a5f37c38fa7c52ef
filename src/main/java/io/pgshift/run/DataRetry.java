package io.pgshift.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
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

    private final Faults faults;
    private final ServerVersion targetVersion;
    private final ProgressListener listener;
    /** Told of each new target session, which the resume log notes. */
    private final java.util.function.Consumer<Connection> newTarget;

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
            w.streaming();
            try {
                return load.run(new LoadListener() {
                    @Override
                    public void accept(long b) {
                        moved[0] += b;
                        progress.addBytes(b);
                        w.moved();
                    }

                    @Override
                    public void began(long transactionId) {
                        began.accept(transactionId);
                    }
                });
            } catch (SQLException e) {
                progress.addBytes(-moved[0]);
                boolean stalled = w.stalled();
                if (!stalled && !ConnectionLoss.is(e)) {
                    throw e;
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
                    return new TableCopier.Result(c.rows(), c.bytes());
                }
            } finally {
                w.idle();
            }
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
                    InterruptedBuild.run(w.targetSession(), e, true);
                } else {
                    PostDataStatements.run(w.targetSession(), e, true);
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
    Connection alive(RetryableSessions w, String what) {
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
                        ErrorCode code, int attempt, int attempts) {
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
                newTarget.accept(w.targetSession());
                return attempt;
            } catch (SQLException | PgShiftException e) {
                reason = "could not open new sessions (" + Errors.firstLine(e) + ")";
            }
        }
    }

    /** Whether the transaction whose commit was cut off did commit, asked of the target. */
    private boolean committed(Connection target, CommitUnknown c, String what) throws SQLException {
        if (!targetVersion.atLeast(10)) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "lost the connection to the target while it "
                    + "committed the rows of " + what + ", and PostgreSQL " + targetVersion + " cannot tell whether "
                    + "they are in (no txid_status): check the table, then copy again with --clean", c);
        }
        try (PreparedStatement st = target.prepareStatement("SELECT pg_catalog.txid_status(?)")) {
            st.setLong(1, c.transactionId());
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return "committed".equals(rs.getString(1));
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
