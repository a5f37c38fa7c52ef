package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs catalog reads on several source sessions at once, all inside the same exported snapshot, so that a
 * large schema's catalog is read by several server processes. Each read takes a free session, and no session
 * is ever used by two reads at the same time.
 */
final class ParallelReads implements AutoCloseable {
    interface Read<T> {
        T from(Connection connection) throws SQLException;
    }

    private final BlockingQueue<Connection> free;
    private final ExecutorService threads;
    private final List<Future<?>> submitted = new ArrayList<>();
    /**
     * The first read that failed. Its session's transaction is aborted, and every later read on it would fail with
     * "current transaction is aborted": they fail with the first failure instead, whichever result is asked first.
     */
    private final AtomicReference<SQLException> firstFailure = new AtomicReference<>();

    ParallelReads(List<Connection> sessions) {
        this.free = new ArrayBlockingQueue<>(sessions.size(), false, sessions);
        this.threads = Executors.newFixedThreadPool(sessions.size(), r -> {
            Thread t = new Thread(r, "pgshift-catalog-reader");
            t.setDaemon(true);
            return t;
        });
    }

    <T> Future<T> submit(Read<T> read) {
        Future<T> future = threads.submit(() -> {
            Connection session = free.take();
            try {
                SQLException earlier = firstFailure.get();
                if (earlier != null) {
                    throw earlier;
                }
                return read.from(session);
            } catch (SQLException e) {
                firstFailure.compareAndSet(null, e);
                throw e;
            } finally {
                free.add(session);
            }
        });
        submitted.add(future);
        return future;
    }

    /** The read's result, or the SQLException it failed with. */
    static <T> T get(Future<T> future) throws SQLException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while reading the catalog", "57014", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException s) {
                throw s;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits for every read, so that no session is still in use when its owner goes on or closes it. */
    @Override
    public void close() {
        for (Future<?> f : submitted) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException ignored) {
                // Reported by whoever asked for that result.
            }
        }
        threads.shutdownNow();
    }
}
