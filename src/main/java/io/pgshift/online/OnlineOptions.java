package io.pgshift.online;

import java.time.Duration;

import io.pgshift.connect.ConnInfo;
import io.pgshift.run.CopyOptions;

/**
 * What {@code copy --online} was asked to do, beyond the copy itself.
 *
 * @param copy                the copy of the snapshot
 * @param sourceFromTarget    how the target's subscription reaches the source, as a libpq string; null for the
 *                            source's own connection string. It holds a password: never log it
 * @param replicaIdentityFull give REPLICA IDENTITY FULL to tables that have no key to identify their rows, instead
 *                            of refusing them
 * @param maxSlotWal          the most WAL, in bytes, the slot may hold on the source while the copy runs; 0 for no
 *                            limit
 * @param followTimeout       how long the new subscription may take to start receiving before the target is
 *                            taken not to reach the source
 */
public record OnlineOptions(CopyOptions copy, String sourceFromTarget, boolean replicaIdentityFull,
                            long maxSlotWal, Duration followTimeout) {

    public static final Duration DEFAULT_FOLLOW_TIMEOUT = Duration.ofSeconds(60);

    public ConnInfo source() {
        return copy.source();
    }

    public ConnInfo target() {
        return copy.target();
    }

    /** The CONNECTION of the subscription. */
    String subscriptionConnection() {
        return sourceFromTarget != null ? sourceFromTarget : copy.source().libpqString();
    }
}
