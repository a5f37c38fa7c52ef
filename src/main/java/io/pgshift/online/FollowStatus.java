package io.pgshift.online;

import java.time.Duration;

/**
 * How far the target is behind its source, read from both servers at once.
 *
 * @param name             the publication's, slot's and subscription's name
 * @param slotActive       whether a WAL sender reads the slot: the subscription is connected
 * @param receiving        whether the subscription's apply worker runs and has received from the source
 * @param sourceLsn        the source's current WAL position
 * @param confirmedLsn     the position up to which the target applied and flushed the source's changes
 * @param lagBytes         WAL between the two: what the target still has to receive and apply
 * @param retainedWalBytes WAL the slot keeps on the source's disk
 * @param replayLag        the time between a commit on the source and its apply on the target, as the source's WAL
 *                         sender last measured it; null when unknown (no commit since the subscription started)
 * @param applyRate        bytes of WAL confirmed per second since the previous reading; -1 for the first reading
 */
public record FollowStatus(String name, boolean slotActive, boolean receiving, String sourceLsn, String confirmedLsn,
                           long lagBytes, long retainedWalBytes, Duration replayLag, double applyRate) {

    /**
     * How long the target needs to catch up at the rate measured, or null before a rate is known. Zero when
     * nothing is left.
     */
    public Duration catchUp() {
        if (lagBytes <= 0) {
            return Duration.ZERO;
        }
        if (applyRate <= 0) {
            return null;
        }
        return Duration.ofMillis((long) (lagBytes * 1000 / applyRate));
    }
}
