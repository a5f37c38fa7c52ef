package io.pgshift.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.postgresql.PGConnection;

import io.pgshift.data.Snapshot;
import io.pgshift.data.SourceFailure;

/**
 * Runs reads on both servers at once: per server, {@code jobs} threads, each with a reading session of its own
 * that joins the server's snapshot for every piece of work. Work is started in the order it is handed in, so
 * when the same tables are handed to both servers in the same order, both hash the same table at the same time.
 * The first failure stops everything: work not started is skipped, running statements are cancelled, and
 * {@link #await} reports that first failure, not the cancellations it caused.
 */
final class ParallelReads implements AutoCloseable {
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Side source;
    private final Side target;
    private final AtomicReference<Throwable> firstFailure = new AtomicReference<>();

    ParallelReads(SideSnapshot source, SideSnapshot target, int jobs) {
        this.source = new Side(source, jobs);
        this.target = new Side(target, jobs);
    }

    <T> CompletableFuture<T> onSource(String what, Work<T> work) {
        return source.submit(what, work);
    }

    <T> CompletableFuture<T> onTarget(String what, Work<T> work) {
        return target.submit(what, work);
    }

    /** Runs work on the session that holds a server's snapshot, on one of that server's threads. */
    <T> CompletableFuture<T> onLeader(SideSnapshot side, String what, Work<T> work) {
        Side s = side == source.snapshot ? source : target;
        return CompletableFuture.supplyAsync(() -> s.run(what, () -> work.run(side.leader())), s.executor);
    }

    /** The work's result, or its failure; after any failure, the first one. */
    <T> T await(CompletableFuture<T> future) throws SQLException {
        try {
            return future.join();
        } catch (CompletionException | CancellationException e) {
            Throwable cause = firstFailure.get() != null ? firstFailure.get() : e.getCause();
            if (cause instanceof SQLException s) {
                throw s;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void failed(Throwable t) {
        if (firstFailure.compareAndSet(null, t)) {
            source.cancelRunning();
            target.cancelRunning();
        }
    }

    @Override
    public void close() {
        source.close();
        target.close();
    }

    @FunctionalInterface
    private interface Call<T> {
        T call() throws SQLException;
    }

    private final class Side {
        private final SideSnapshot snapshot;
        private final ExecutorService executor;
        private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
        private final Set<Connection> open = ConcurrentHashMap.newKeySet();

        Side(SideSnapshot snapshot, int jobs) {
            this.snapshot = snapshot;
            AtomicInteger n = new AtomicInteger();
            this.executor = Executors.newFixedThreadPool(jobs, r -> {
                Thread t = new Thread(r, "pgshift-verify-" + snapshot.side() + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }

        <T> CompletableFuture<T> submit(String what, Work<T> work) {
            return CompletableFuture.supplyAsync(() -> run(what, () -> inSnapshot(work)), executor);
        }

        <T> T run(String what, Call<T> call) {
            if (firstFailure.get() != null) {
                throw new CancellationException("stopped after an earlier failure");
            }
            try {
                return call.call();
            } catch (SQLException e) {
                SQLException named = new SQLException("could not read " + what + " on the " + snapshot.side() + ": "
                        + e.getMessage().lines().findFirst().orElse(""), e.getSQLState(), e);
                // A source that cannot be read is the source's failure, with its own exit code.
                if (snapshot.isSource()) {
                    named = new SourceFailure(named);
                }
                failed(named);
                throw new CompletionException(named);
            } catch (RuntimeException e) {
                failed(e);
                throw e;
            }
        }

        /** Borrows an idle reader, or opens one; a reader whose work failed is closed, not reused. */
        private <T> T inSnapshot(Work<T> work) throws SQLException {
            Connection reader = idle.poll();
            if (reader == null) {
                reader = snapshot.openReader();
                open.add(reader);
            }
            boolean reusable = false;
            try {
                snapshot.join(reader);
                T result = work.run(reader);
                Snapshot.end(reader);
                reusable = true;
                return result;
            } finally {
                if (reusable) {
                    idle.add(reader);
                } else {
                    open.remove(reader);
                    closeQuietly(reader);
                }
            }
        }

        void cancelRunning() {
            for (Connection c : open) {
                try {
                    c.unwrap(PGConnection.class).cancelQuery();
                } catch (SQLException ignored) {
                    // Best effort: the statement ends anyway when its session closes.
                }
            }
        }

        void close() {
            executor.shutdownNow();
            for (Connection c : open) {
                closeQuietly(c);
            }
            open.clear();
            idle.clear();
        }

        private static void closeQuietly(Connection c) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Closing is best effort; the server ends the session when the socket goes.
            }
        }
    }
}
