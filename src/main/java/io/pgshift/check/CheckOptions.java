package io.pgshift.check;

import java.time.Duration;

import io.pgshift.ddl.DdlOptions;
import io.pgshift.server.DatabaseSelection;

/**
 * @param databases which source databases to check
 * @param probe     how long the throughput probe may read from the source; zero skips it (no duration estimate)
 * @param ddl       what the upgrade will leave out (-O, -x, --no-tablespaces): owners it need not set, roles in
 *                  privileges it need not find, tablespaces it need not have
 */
public record CheckOptions(DatabaseSelection databases, Duration probe, DdlOptions ddl) {
    /** Long enough to get past connection and first-block latency, short enough not to load the source. */
    public static final Duration DEFAULT_PROBE = Duration.ofMillis(1500);

    public CheckOptions {
        databases = databases == null ? DatabaseSelection.ALL : databases;
        probe = probe == null ? DEFAULT_PROBE : probe;
        ddl = ddl == null ? DdlOptions.DEFAULTS : ddl;
    }

    public CheckOptions(DatabaseSelection databases, Duration probe) {
        this(databases, probe, DdlOptions.DEFAULTS);
    }

    boolean noOwner() {
        return ddl.noOwner();
    }

    boolean noAcl() {
        return ddl.noAcl();
    }

    boolean noTablespaces() {
        return ddl.noTablespaces();
    }

    public static CheckOptions defaults() {
        return new CheckOptions(DatabaseSelection.ALL, DEFAULT_PROBE);
    }
}
