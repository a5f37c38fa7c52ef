package io.pgshift.online;

import java.time.Duration;

import io.pgshift.connect.ConnInfo;

/**
 * What {@code pgshift cutover} was asked to do.
 *
 * @param stopWrites how the application's writes on the source are stopped
 * @param catchUp    how long the target may take to apply the source's last changes once writes stopped
 * @param verifyJobs sessions per server the verification reads with
 * @param verifyAt   whether the row hashes are compared before the handover, or after it
 */
public record CutoverOptions(ConnInfo source, ConnInfo target, StopWrites stopWrites, Duration catchUp,
                             int verifyJobs, VerifyAt verifyAt) {

    public static final Duration DEFAULT_CATCH_UP = Duration.ofMinutes(5);
}
