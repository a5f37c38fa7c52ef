package io.pgshift.online;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.ManagedServer.Provider;

/** Online mode from RDS's PostgreSQL 10 into its 18, as the master user, who is not a superuser. */
class OnlineCopyRds10To18IT {
    @RegisterExtension
    static final ManagedServer source = ManagedServer.of(Provider.RDS, "10").logicalReplication();
    @RegisterExtension
    static final ManagedServer target = ManagedServer.of(Provider.RDS, "18").logicalReplication();

    @Test
    void pgbenchWritingThroughAnOnlineCopyAndACutoverThatHashesAfterItsHandoverLosesNothingAndStopsForLessThanFiveSeconds()
            throws Exception {
        OnlineUpgrade.pgbenchKeepsWritingThroughCopyAndCutover(source, target, true);
    }
}
