package io.pgshift.run;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.object.ObjectRef;
import io.pgshift.plan.Entry;
import io.pgshift.Errors;

/**
 * Runs plan entries on a fixed set of workers, each entry as soon as everything it depends on is done.
 * Each worker owns a context (its connections), so no connection is ever shared between threads.
 * The first failure stops the hand-out of new work, cancels what is running and is rethrown once every
 * worker has stopped: a failed run never looks finished.
 */
final class Scheduler<C extends Scheduler.WorkerContext> {

    interface WorkerContext {
        /** Interrupts whatever this worker is doing on the server, from another thread. */
        void cancel();

        /** Whether this worker can do the entry: an index builder has no source session, for one. */
        default boolean accepts(Entry entry) {
            return true;
        }
    }

    @FunctionalInterface
    interface Work<C> {
        void run(C context, Entry entry) throws Exception;
    }

    private final List<Entry> entries;
    private final Object lock = new Object();
    /** Ready entries in priority order; a worker takes the first one it accepts. */
    private final TreeSet<Integer> ready;
    private final int[] pending;
    private final List<List<Integer>> dependents = new ArrayList<>();
    private int running;
    /** The entries being worked on, to keep apart those that would lock each other's tables; see avoiding. */
    private final Set<Integer> inProgress = new HashSet<>();
    private boolean[] exclusive;
    private List<Set<Long>> families;
    private int finished;
    private RuntimeException failure;

    /**
     * @param done     objects that already exist, so dependencies on them are met
     * @param priority which ready entry goes first, e.g. the largest table
     */
    Scheduler(List<Entry> entries, Set<ObjectRef> done, Comparator<Entry> priority) {
        this.entries = entries;
        this.pending = new int[entries.size()];
        this.ready = new TreeSet<>(Comparator.<Integer, Entry>comparing(entries::get, priority)
                .thenComparing(Comparator.naturalOrder()));
        Map<ObjectRef, List<Integer>> byRef = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            byRef.computeIfAbsent(entries.get(i).ref(), k -> new ArrayList<>()).add(i);
            dependents.add(new ArrayList<>());
        }
        for (int i = 0; i < entries.size(); i++) {
            Set<Integer> blockers = new HashSet<>();
            for (ObjectRef ref : entries.get(i).dependsOn()) {
                if (!done.contains(ref)) {
                    blockers.addAll(byRef.getOrDefault(ref, List.of()));
                }
            }
            blockers.remove(i);
            pending[i] = blockers.size();
            for (int b : blockers) {
                dependents.get(b).add(i);
            }
            if (pending[i] == 0) {
                ready.add(i);
            }
        }
    }

    /** Keeps entries whose table locks would conflict from running at the same time (see {@link TableLocks}). */
    Scheduler<C> avoiding(TableLocks locks) {
        exclusive = new boolean[entries.size()];
        families = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            exclusive[i] = locks.exclusive(entries.get(i));
            families.add(locks.families(entries.get(i)));
        }
        return this;
    }

    void run(List<C> contexts, Work<C> work) {
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < contexts.size(); w++) {
            C context = contexts.get(w);
            Thread t = new Thread(() -> workLoop(context, contexts, work), "pgshift-worker-" + (w + 1));
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail(new PgShiftException(ErrorCode.INTERRUPTED, "interrupted"), contexts);
            }
        }
        synchronized (lock) {
            if (failure != null) {
                throw failure;
            }
            if (finished < entries.size()) {
                throw new PgShiftException(ErrorCode.INTERNAL, (entries.size() - finished)
                        + " steps could never start: their dependencies were not met");
            }
        }
    }

    private void workLoop(C context, List<C> all, Work<C> work) {
        while (true) {
            int next;
            synchronized (lock) {
                Integer pick = firstAccepted(context);
                // Wait while there is nothing this worker can do but something may still become ready.
                while (failure == null && pick == null && !(ready.isEmpty() && running == 0)) {
                    try {
                        lock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    pick = firstAccepted(context);
                }
                if (failure != null || pick == null) {
                    lock.notifyAll();
                    return;
                }
                next = pick;
                ready.remove(pick);
                running++;
                inProgress.add(pick);
            }
            try {
                work.run(context, entries.get(next));
            } catch (Exception e) {
                fail(asPgShift(entries.get(next), e), all);
            } catch (OutOfMemoryError e) {
                // The worker's thread would die and leave the others waiting for it, and the source holding its
                // snapshot, without end: the run stops instead, and says why.
                fail(new PgShiftException(ErrorCode.MIGRATION_FAILED, "ran out of memory while working on "
                        + entries.get(next) + " (" + e.getMessage() + "): give the JVM more memory "
                        + "(JAVA_TOOL_OPTIONS=-Xmx...) or run fewer --jobs"), all);
            } catch (Error e) {
                fail(new PgShiftException(ErrorCode.INTERNAL, "a worker stopped on " + entries.get(next) + ": " + e, e),
                        all);
            }
            synchronized (lock) {
                running--;
                inProgress.remove(next);
                if (failure == null) {
                    finished++;
                    for (int d : dependents.get(next)) {
                        if (--pending[d] == 0) {
                            ready.add(d);
                        }
                    }
                }
                lock.notifyAll();
            }
        }
    }

    /** The highest-priority ready entry the worker can do, or null; called holding the lock. */
    private Integer firstAccepted(C context) {
        for (Integer i : ready) {
            if (context.accepts(entries.get(i)) && !conflictsWithRunning(i)) {
                return i;
            }
        }
        return null;
    }

    private boolean conflictsWithRunning(int candidate) {
        if (families == null) {
            return false;
        }
        for (int r : inProgress) {
            if ((exclusive[candidate] || exclusive[r])
                    && !java.util.Collections.disjoint(families.get(candidate), families.get(r))) {
                return true;
            }
        }
        return false;
    }

    private void fail(RuntimeException e, List<C> all) {
        synchronized (lock) {
            if (failure != null) {
                return;
            }
            failure = e;
            lock.notifyAll();
        }
        for (C context : all) {
            context.cancel();
        }
    }

    private static RuntimeException asPgShift(Entry entry, Exception e) {
        if (e instanceof PgShiftException p) {
            return p;
        }
        if (e instanceof io.pgshift.data.SourceFailure) {
            return new PgShiftException(ErrorCode.SOURCE_FAILED, "could not read " + entry.name() + " from the source: "
                    + Errors.firstLine(e), e);
        }
        return new PgShiftException(ErrorCode.MIGRATION_FAILED,
                "could not " + verb(entry) + " " + entry.name() + ": " + Errors.firstLine(e), e);
    }

    private static String verb(Entry entry) {
        return switch (entry.kind()) {
            case TABLE_DATA, TABLE_DATA_PART, EXTENSION_TABLE_DATA -> "copy data of";
            case LARGE_OBJECT_DATA -> "copy contents of large object";
            case SEQUENCE_SET -> "set position of sequence";
            case ANALYZE -> "analyze";
            case MATERIALIZED_VIEW_DATA -> "refresh materialized view";
            default -> "create " + entry.kind().inWords();
        };
    }
}
