package io.pgshift.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;

import io.pgshift.PgShiftException;
import io.pgshift.object.ObjectRef;
import io.pgshift.plan.Entry;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;
import io.pgshift.object.Kind;

/**
 * Creates a schema's objects on several target sessions at once. Creating a table costs the server about a
 * millisecond of work of its own, so a 10,000-table schema is bound by one server process unless several
 * sessions share it.
 * <p>
 * The plan's order is kept, cut into segments: a segment is a run of consecutive entries none of which depends
 * on another of the same run, so its entries may go in any order, in batches on every session at once;
 * segments run one after another. Only the kinds that large schemas hold by the thousand, and whose
 * statements touch nothing but their own object, go in parallel; every other entry runs alone, in order.
 * <p>
 * A batch that fails in parallel (a dependency the catalog does not record, or a deadlock between two
 * sessions) was rolled back whole; it runs again alone once the rest of its segment is in, and only a second
 * failure is an error.
 */
final class ParallelStatements {
    /** Kinds created in parallel: independent of each other unless the plan says so. */
    private static final Set<Kind> PARALLEL_KINDS = EnumSet.of(Kind.TABLE, Kind.SEQUENCE, Kind.VIEW, Kind.MATERIALIZED_VIEW, Kind.FUNCTION, Kind.PROCEDURE);
    /** Below this, a segment is not worth the threads. */
    private static final int SMALLEST_PARALLEL_SEGMENT = 50;
    /** Entries per batch, and so per transaction, in parallel segments: at most, and at the end of a segment. */
    private static final int BATCH = 100;
    private static final int SMALLEST_BATCH = 10;

    private ParallelStatements() {
    }

    static void run(List<Connection> sessions, List<Entry> entries, Progress progress, ProgressListener listener)
            throws SQLException {
        if (sessions.size() == 1) {
            StatementBatches.run(sessions.get(0), entries, progress, listener);
            return;
        }
        for (List<Entry> segment : segments(entries)) {
            if (segment.size() < SMALLEST_PARALLEL_SEGMENT) {
                StatementBatches.run(sessions.get(0), segment, progress, listener);
            } else {
                runParallel(sessions, segment, progress, listener);
            }
        }
    }

    /** Cuts the plan into runs of mutually independent entries of the parallel kinds, and single other entries. */
    static List<List<Entry>> segments(List<Entry> entries) {
        List<List<Entry>> segments = new ArrayList<>();
        List<Entry> current = new ArrayList<>();
        Set<ObjectRef> inCurrent = new HashSet<>();
        for (Entry e : entries) {
            boolean parallel = PARALLEL_KINDS.contains(e.kind());
            boolean independent = parallel && !inCurrent.contains(e.ref())
                    && e.dependsOn().stream().noneMatch(inCurrent::contains);
            if (!independent && !current.isEmpty()) {
                segments.add(current);
                current = new ArrayList<>();
                inCurrent = new HashSet<>();
            }
            current.add(e);
            inCurrent.add(e.ref());
            if (!parallel) {
                segments.add(current);
                current = new ArrayList<>();
                inCurrent = new HashSet<>();
            }
        }
        if (!current.isEmpty()) {
            segments.add(current);
        }
        return segments;
    }

    private static void runParallel(List<Connection> sessions, List<Entry> segment, Progress progress,
                                    ProgressListener listener) throws SQLException {
        Batches batches = new Batches(segment, sessions.size());
        Queue<List<Entry>> failed = new ConcurrentLinkedQueue<>();
        AtOnce.run(sessions.size(), i -> {
            for (List<Entry> batch = batches.next(); batch != null; batch = batches.next()) {
                try {
                    StatementBatches.run(sessions.get(i), batch, progress, listener);
                } catch (PgShiftException e) {
                    failed.add(batch);
                }
            }
        });
        // Again, alone and in plan order: whatever a failed batch needed from its neighbours is in now.
        List<Entry> again = new ArrayList<>();
        failed.forEach(again::addAll);
        again.sort((a, b) -> Integer.compare(segment.indexOf(a), segment.indexOf(b)));
        if (!again.isEmpty()) {
            StatementBatches.run(sessions.get(0), again, progress, listener);
        }
    }

    /**
     * Hands out a segment's entries in batches that shrink as the segment runs out, so that the sessions
     * finish it at about the same time: the next segment waits for the last batch of this one, and with
     * fixed batches one session would sit idle for up to a whole batch at every segment's end.
     */
    static final class Batches {
        private final List<Entry> segment;
        private final int sessions;
        private int next;

        Batches(List<Entry> segment, int sessions) {
            this.segment = segment;
            this.sessions = sessions;
        }

        synchronized List<Entry> next() {
            int left = segment.size() - next;
            if (left == 0) {
                return null;
            }
            int size = Math.min(left, Math.max(SMALLEST_BATCH, Math.min(BATCH, left / (2 * sessions))));
            List<Entry> batch = segment.subList(next, next + size);
            next += size;
            return batch;
        }
    }
}
