package io.pgshift.analyze;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.Errors;
import io.pgshift.progress.Phase;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;

/**
 * Runs the stages one after the other, each on every table with {@code jobs} sessions. Sessions live across
 * the stages, so a database's connections are reused. The first real failure (a lost connection) cancels
 * every session and is rethrown once all have stopped.
 */
final class AnalyzeRunner {
    private final ConnInfo server;
    private final int jobs;
    private final ProgressListener listener;
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    /** One warning per table is enough, though each stage would repeat it. */
    private final Set<String> warned = Collections.synchronizedSet(new HashSet<>());
    private volatile RuntimeException failure;

    AnalyzeRunner(ConnInfo server, int jobs, ProgressListener listener) {
        this.server = server;
        this.jobs = jobs;
        this.listener = listener;
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }

    List<StageResult> run(List<AnalyzeTable> tables, List<Stage> stages) {
        boolean manyDatabases = tables.stream().map(AnalyzeTable::database).distinct().count() > 1;
        List<AnalyzeSession> sessions = new ArrayList<>();
        for (int i = 0; i < Math.min(jobs, tables.size()); i++) {
            sessions.add(new AnalyzeSession(server));
        }
        List<StageResult> results = new ArrayList<>();
        try {
            for (Stage stage : stages) {
                Progress progress = new Progress(Phase.ANALYZE, tables.size(), 0);
                listener.phaseStarted(progress);
                AnalyzeQueue queue = new AnalyzeQueue(tables);
                List<Thread> threads = new ArrayList<>();
                for (int i = 0; i < sessions.size(); i++) {
                    AnalyzeSession session = sessions.get(i);
                    Thread t = new Thread(() -> work(session, sessions, queue, stage, progress, manyDatabases),
                            "pgshift-analyze-" + (i + 1));
                    t.start();
                    threads.add(t);
                }
                join(threads, sessions);
                if (failure != null) {
                    throw failure;
                }
                listener.phaseFinished(progress);
                results.add(new StageResult(stage, progress.itemsDone(), progress.elapsed()));
            }
        } finally {
            sessions.forEach(AnalyzeSession::close);
        }
        return results;
    }

    private void work(AnalyzeSession session, List<AnalyzeSession> all, AnalyzeQueue queue, Stage stage,
                      Progress progress, boolean manyDatabases) {
        AnalyzeTable table;
        while (failure == null && (table = queue.next(session.database())) != null) {
            String name = table.displayName(manyDatabases);
            long start = System.nanoTime();
            try {
                session.prepare(table.database(), stage);
                for (String w : session.analyze(table)) {
                    warn(name, w);
                }
            } catch (SQLException e) {
                if (fatal(e)) {
                    fail(new PgShiftException(ErrorCode.MIGRATION_FAILED, "could not analyze " + name + ": "
                            + Errors.firstLine(e), e), all);
                    return;
                }
                // Statistics are a convenience: a table dropped meanwhile, or one whose foreign partitions
                // cannot be reached from the target, is worth a warning, not the end of the run.
                warn(name, "could not analyze it: " + Errors.firstLine(e));
            } catch (RuntimeException e) {
                fail(e, all);
                return;
            }
            progress.itemDone(0);
            listener.itemDone(progress, name, 0, 0, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /** Lost connections and cancelled or shut-down sessions (classes 08 and 57) end the run. */
    private static boolean fatal(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return state.startsWith("08") || state.startsWith("57");
    }

    private void warn(String table, String message) {
        if (warned.add(table)) {
            String line = table + ": " + message;
            warnings.add(line);
            listener.warning(line);
        }
    }

    private synchronized void fail(RuntimeException e, List<AnalyzeSession> all) {
        if (failure != null) {
            return;
        }
        failure = e;
        all.forEach(AnalyzeSession::cancel);
    }

    private void join(List<Thread> threads, List<AnalyzeSession> all) {
        try {
            for (Thread t : threads) {
                t.join();
            }
        } catch (InterruptedException e) {
            fail(new PgShiftException(ErrorCode.INTERRUPTED, "interrupted"), all);
            joinQuietly(threads);
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join(10_000);
            } catch (InterruptedException ignored) {
                // Already interrupted once; the sessions were cancelled and are closed next.
            }
        }
    }
}
