package io.pgshift.run;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.object.Kind;
import io.pgshift.plan.Entry;

/**
 * A copy's or a restore's resume log, read and kept (see {@link ResumeLog}). A fresh run starts a new log;
 * {@code --resume} reads the earlier one and tells which steps need not run again: those done on the target, settled
 * by the target's own word on their transactions, and, for a copy's rows, only where the source table has not changed
 * since the first run. A restore's plan comes from its dump, which does not change under it: its fingerprint covers
 * the dump's manifest, and it has no change counters.
 */
final class Resumption {
    /** What the log is of, for messages: the command ("copy") and what its plan is made from. */
    record Subject(String command, String planSource) {
        static final Subject COPY = new Subject("copy", "the source's schema");
        static final Subject RESTORE = new Subject("restore", "the dump");
    }

    /**
     * When a server process started, in microseconds since 1970 as text: the same from any session, whatever its
     * time zone and date style, so that a resume from another machine still tells the process apart from a later one
     * with the same pid.
     */
    private static final String STARTED = "(extract(epoch FROM backend_start) * 1000000)::bigint::text";

    private final ResumeLog log;
    private final ResumeLog.State earlier;
    private final Map<String, Long> changes;

    private Resumption(ResumeLog log, ResumeLog.State earlier, Map<String, Long> changes) {
        this.log = log;
        this.earlier = earlier;
        this.changes = changes;
    }

    /** A run that keeps no log (a restore from standard input, or in one transaction): nothing to resume. */
    static Resumption none() {
        return new Resumption(null, null, Map.of());
    }

    /**
     * Starts the log of a fresh copy, or reads the earlier run's for {@code --resume}, refusing a resume whose plan
     * is not the earlier run's (the source's schema or the options changed) or whose schema was left unfinished.
     */
    static Resumption begin(ResumeLog log, boolean resume, List<Entry> plan, Connection source,
                            Consumer<String> warn) throws SQLException {
        return begin(log, resume, ResumeLog.fingerprint(plan), changes(source), Subject.COPY, warn);
    }

    /**
     * As above, for a plan of the given fingerprint and the source tables' change counters (empty when the rows
     * come from a dump).
     */
    static Resumption begin(ResumeLog log, boolean resume, String fingerprint, Map<String, Long> changes,
                            Subject subject, Consumer<String> warn) {
        if (!resume) {
            try {
                log.start(fingerprint, changes);
                return new Resumption(log, null, changes);
            } catch (PgShiftException e) {
                // A run does not need its log to succeed, only to be resumed: it goes on without one.
                warn.accept(e.getMessage() + "; the " + subject.command() + " goes on, but cannot be resumed if it "
                        + "is interrupted (--state-dir chooses another directory)");
                return new Resumption(null, null, changes);
            }
        }
        ResumeLog.State earlier = log.resume();
        if (!fingerprint.equals(earlier.fingerprint())) {
            throw new PgShiftException(ErrorCode.TARGET_NOT_EMPTY, "the interrupted " + subject.command()
                    + " cannot be resumed: " + subject.planSource() + " or the " + subject.command()
                    + "'s options changed since it ran; start over with --clean");
        }
        if (!earlier.schemaDone()) {
            throw new PgShiftException(ErrorCode.TARGET_NOT_EMPTY, "the interrupted " + subject.command()
                    + " stopped while it created the schema, which cannot be taken up halfway; start over with "
                    + "--clean");
        }
        return new Resumption(log, earlier, changes);
    }

    boolean resuming() {
        return earlier != null;
    }

    static String step(Entry e) {
        return e.kind().label() + " " + e.name();
    }

    /**
     * The steps of the earlier run that are done on the target: noted as done, or whose transaction the target
     * says committed; rows only while their source table shows no change since the first run.
     */
    Set<String> finished(Connection target, ServerVersion targetVersion) throws SQLException {
        endLeftovers(target);
        Set<String> finished = new HashSet<>(earlier.done());
        Map<String, Long> open = new HashMap<>(earlier.transactions());
        if (targetVersion.atLeast(10)) {
            // The target's word on a load's transaction outranks the log's note that it was done: a target that
            // crashed after the run was interrupted may have lost commits that were not yet durable.
            finished.removeAll(open.keySet());
        } else {
            open.keySet().removeAll(finished);
        }
        if (!open.isEmpty()) {
            if (!targetVersion.atLeast(10)) {
                throw new PgShiftException(ErrorCode.TARGET_NOT_EMPTY, "the interrupted run cannot be resumed: "
                        + "PostgreSQL " + targetVersion + " cannot tell which of its loads committed (no "
                        + "txid_status); start over with --clean");
            }
            Set<Long> committed = committed(target, open.values());
            open.forEach((step, xid) -> {
                if (committed.contains(xid)) {
                    finished.add(step);
                }
            });
        }
        finished.removeIf(step -> {
            String table = rowsOf(step);
            return table != null && !Objects.equals(changes.get(table), earlier.changes().get(table));
        });
        return finished;
    }

    /**
     * Notes a target session of this run, so that a resume can end its server process: a process whose client was
     * killed goes on with its statement (an index build, a commit) until it next writes to the socket, and would
     * then clash with the resume's own.
     */
    void noteSession(Connection target) {
        if (log == null || target == null) {
            return;
        }
        try (Statement st = target.createStatement(); ResultSet rs = st.executeQuery("SELECT pid, " + STARTED
                + " FROM pg_catalog.pg_stat_activity WHERE pid = pg_catalog.pg_backend_pid()")) {
            if (rs.next()) {
                log.session(rs.getInt(1), rs.getString(2));
            }
        } catch (SQLException e) {
            // The session is lost already; the retry that opens its successor notes that one.
        }
    }

    /**
     * Ends the server processes the interrupted run left working, and waits until they are gone, so that their
     * transactions are settled (rolled back, or committed before) when the log is read against the target.
     */
    private void endLeftovers(Connection target) throws SQLException {
        if (earlier.sessions().isEmpty()) {
            return;
        }
        String left = "SELECT pid FROM pg_catalog.pg_stat_activity WHERE pid = ? AND " + STARTED + " = ?";
        long deadline = System.nanoTime() + 60_000_000_000L;
        for (boolean first = true; ; first = false) {
            boolean any = false;
            for (Map.Entry<Integer, String> s : earlier.sessions().entrySet()) {
                try (PreparedStatement st = target.prepareStatement(first
                        ? "SELECT pg_catalog.pg_terminate_backend(pid) FROM (" + left + ") p" : left)) {
                    st.setInt(1, s.getKey());
                    st.setString(2, s.getValue());
                    try (ResultSet rs = st.executeQuery()) {
                        any |= rs.next();
                    }
                }
            }
            if (!any) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new PgShiftException(ErrorCode.TARGET_NOT_EMPTY, "the interrupted run's sessions on the target "
                        + "are still there after a minute (pg_stat_activity, application_name pgshift): end them, "
                        + "then resume again");
            }
            io.pgshift.connect.Connections.sleep(100);
        }
    }

    void schemaDone() {
        if (log != null) {
            log.schemaDone();
        }
    }

    void began(Entry e, long transactionId) {
        if (log != null) {
            log.began(step(e), transactionId);
        }
    }

    void done(Entry e) {
        if (log != null) {
            log.done(step(e));
        }
    }

    /** The run succeeded: nothing is left to resume. */
    void complete() {
        if (log != null) {
            log.remove();
        }
    }

    void close() {
        if (log != null) {
            log.close();
        }
    }

    /** The table a step loads rows into, or null for a step of another kind. */
    private static String rowsOf(String step) {
        String prefix = Kind.TABLE_DATA.label() + " ";
        return step.startsWith(prefix) ? step.substring(prefix.length()) : null;
    }

    private static Set<Long> committed(Connection target, java.util.Collection<Long> ids) throws SQLException {
        Set<Long> committed = new HashSet<>();
        Array array = target.createArrayOf("bigint", ids.toArray());
        try (PreparedStatement st = target.prepareStatement(
                // An id the target has not reached yet (its server recovered from a crash that lost it) is no commit.
                "SELECT x FROM pg_catalog.unnest(?::pg_catalog.int8[]) x WHERE CASE WHEN x >= "
                        + "pg_catalog.txid_snapshot_xmax(pg_catalog.txid_current_snapshot()) THEN false "
                        + "ELSE pg_catalog.txid_status(x) = 'committed' END")) {
            st.setArray(1, array);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    committed.add(rs.getLong(1));
                }
            }
        }
        return committed;
    }

    /**
     * Each source table's inserted, updated and deleted rows so far, from the statistics: a table that changed
     * between the first run and the resume is loaded again. An offline upgrade has no writer, but this checks it.
     */
    private static Map<String, Long> changes(Connection source) throws SQLException {
        Map<String, Long> changes = new HashMap<>();
        try (Statement st = source.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT schemaname || '.' || relname, n_tup_ins + n_tup_upd + n_tup_del "
                        + "FROM pg_catalog.pg_stat_user_tables")) {
            while (rs.next()) {
                changes.put(rs.getString(1), rs.getLong(2));
            }
        }
        return changes;
    }
}
