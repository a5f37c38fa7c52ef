package io.pgshift.run;

import java.time.Duration;
import java.util.List;

/**
 * Drops the connections of a worker whose table stream moved no byte for the stall timeout. A network that loses
 * packets without closing the connection leaves a read blocked for as long as the kernel's TCP timeouts allow,
 * hours by default; dropped, the read fails at once and the table is loaded again (see {@link DataRetry}).
 */
final class StallWatchdog implements AutoCloseable {
    private final Thread thread;

    private StallWatchdog(Thread thread) {
        this.thread = thread;
    }

    /** Watches the workers until closed; a zero timeout watches nothing. */
    static StallWatchdog start(List<? extends RetryableSessions> workers, Duration timeout) {
        if (timeout.isZero()) {
            return new StallWatchdog(null);
        }
        long limit = timeout.toNanos();
        long every = Math.max(100, Math.min(1000, timeout.toMillis() / 4));
        Thread t = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                for (RetryableSessions w : workers) {
                    w.abortIfStalled(now, limit);
                }
                try {
                    Thread.sleep(every);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "pgshift-stall-watchdog");
        t.setDaemon(true);
        t.start();
        return new StallWatchdog(t);
    }

    @Override
    public void close() {
        if (thread != null) {
            thread.interrupt();
        }
    }
}
