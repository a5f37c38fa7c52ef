package io.pgshift.run;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A worker's sessions as {@link DataRetry} and the {@link StallWatchdog} see them: they can be replaced after a
 * loss, and they tell when their table stream last moved a byte.
 */
abstract class RetryableSessions {
    /** When the current table stream started and last moved a byte, in System.nanoTime(); 0 when not streaming. */
    private volatile long streamingSince;
    private volatile long lastByte;
    /** Set by the watchdog when it dropped the sessions because the stream stood still. */
    private volatile boolean stalled;

    /** The target session; the retry asks it whether a commit that was cut off happened. */
    abstract Connection targetSession();

    /** The source session, or null when the rows come from files. */
    abstract Connection sourceSession();

    /** Opens new sessions in place of the old ones, set up as the first were, and ends the old server processes. */
    abstract void reconnect() throws SQLException;

    /** Closes the sessions' sockets from another thread. */
    abstract void abortSessions();

    /** Marks a table stream's start; {@link #moved} then records each byte it moves, for the stall watchdog. */
    final synchronized void streaming() {
        lastByte = System.nanoTime();
        streamingSince = lastByte;
    }

    final void moved() {
        lastByte = System.nanoTime();
    }

    final synchronized void idle() {
        streamingSince = 0;
    }

    final boolean stalled() {
        return stalled;
    }

    final void clearStall() {
        stalled = false;
    }

    /**
     * Drops the sessions when the stream stood still longer than the limit: on a dead network it never returns
     * else. Under the sessions' lock, so that a worker that just finished its table and went on to an index build
     * is never cut off.
     */
    final synchronized void abortIfStalled(long now, long limitNanos) {
        if (streamingSince != 0 && !stalled && now - lastByte > limitNanos) {
            stalled = true;
            abortSessions();
        }
    }
}
