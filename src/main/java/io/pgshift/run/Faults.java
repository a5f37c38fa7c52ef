package io.pgshift.run;

import java.time.Duration;

/**
 * How a run meets a connection that goes away or stops moving.
 *
 * @param retries      how many more times a table is loaded, each time on new connections, after its connection
 *                     was lost; 0 fails at the first loss
 * @param stallTimeout how long a table's stream may move no byte before its connections are dropped and the table
 *                     is tried again; zero waits without limit
 */
public record Faults(int retries, Duration stallTimeout) {
    /** Waits between attempts grow from one second, so that five retries span about half a minute. */
    public static final Faults DEFAULTS = new Faults(5, Duration.ofMinutes(5));

    public Faults {
        if (retries < 0) {
            throw new IllegalArgumentException("retries cannot be negative");
        }
        if (stallTimeout.isNegative()) {
            throw new IllegalArgumentException("the stall timeout cannot be negative");
        }
    }

    /** The wait before the given attempt (2 for the first retry): 1, 2, 4, 8, 16, then 30 seconds. */
    Duration pauseBefore(int attempt) {
        return Duration.ofSeconds(Math.min(30, 1L << Math.min(5, attempt - 2)));
    }
}
