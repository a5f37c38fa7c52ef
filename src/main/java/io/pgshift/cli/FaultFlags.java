package io.pgshift.cli;

import java.time.Duration;

import io.pgshift.run.Faults;
import picocli.CommandLine.Option;

/** How a command that loads tables meets lost and stalled connections. */
final class FaultFlags {
    @Option(names = "--retries", paramLabel = "N", converter = AtLeast.Zero.class,
            description = "Load a table again, on new connections, up to N more times when a connection to either "
                    + "server is lost or stalls, waiting 1, 2, 4, 8, 16, then 30 s between attempts (default: 5).")
    Integer retries;

    @Option(names = "--stall-timeout", paramLabel = "SECONDS", converter = AtLeast.Zero.class,
            description = "Drop the connections of a table whose stream moved no byte for this long, and load it "
                    + "again (default: 300; 0 waits without limit).")
    Integer stallTimeoutSeconds;

    Faults toFaults() {
        return new Faults(retries != null ? retries : Faults.DEFAULTS.retries(),
                stallTimeoutSeconds != null ? Duration.ofSeconds(stallTimeoutSeconds) : Faults.DEFAULTS.stallTimeout());
    }
}
