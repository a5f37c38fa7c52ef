package io.pgshift.check;

import java.time.Duration;

import io.pgshift.server.DatabaseSelection;

/**
 * @param databases which source databases to check
 * @param probe     how long the throughput probe may read from the source; zero skips it (no duration estimate)
 */
public record CheckOptions(DatabaseSelection databases, Duration probe) {
    /** Long enough to get past connection and first-block latency, short enough not to load the source. */
    public static final Duration DEFAULT_PROBE = Duration.ofMillis(1500);

    public CheckOptions {
        databases = databases == null ? DatabaseSelection.ALL : databases;
        probe = probe == null ? DEFAULT_PROBE : probe;
    }

    public static CheckOptions defaults() {
        return new CheckOptions(DatabaseSelection.ALL, DEFAULT_PROBE);
    }
}
