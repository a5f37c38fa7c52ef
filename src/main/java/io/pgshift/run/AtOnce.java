package io.pgshift.run;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a few blocking steps on threads of their own and waits for all of them: one step per session, such as
 * a login (several round trips and, with SCRAM, a key derivation on the client, so the eight sessions of a
 * copy took a fifth of a second one after another) or a session's share of a schema segment.
 */
final class AtOnce {
    @FunctionalInterface
    interface Step {
        void run(int i) throws SQLException;
    }

    private AtOnce() {
    }

    /**
     * Runs step 0 to n - 1 at once. Every step has ended when this returns or throws; the first failure
     * is rethrown, and whatever the other steps opened is left for their caller to close.
     */
    static void run(int n, Step step) throws SQLException {
        if (n <= 1) {
            for (int i = 0; i < n; i++) {
                step.run(i);
            }
            return;
        }
        ExecutorService threads = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "pgshift-session");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                running.add(threads.submit(() -> {
                    step.run(index);
                    return null;
                }));
            }
            Throwable first = null;
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    first = first == null ? e.getCause() : first;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    first = first == null ? new SQLException("interrupted while waiting for the sessions", "57014", e) : first;
                }
            }
            if (first instanceof SQLException s) {
                throw s;
            }
            if (first instanceof RuntimeException r) {
                throw r;
            }
            if (first != null) {
                throw new IllegalStateException(first);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
