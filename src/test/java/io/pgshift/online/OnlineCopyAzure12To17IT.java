package io.pgshift.online;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.ManagedServer.Provider;

/** Online mode from Azure's PostgreSQL 12 into its 17, as the admin, who is not a superuser. */
class OnlineCopyAzure12To17IT {
    @RegisterExtension
    static final ManagedServer source = ManagedServer.of(Provider.AZURE, "12").logicalReplication();
    @RegisterExtension
    static final ManagedServer target = ManagedServer.of(Provider.AZURE, "17").logicalReplication();

    @Test
    void pgbenchWritingThroughAnOnlineCopyAndItsCutoverLosesNothingAndStopsForLessThanFiveSeconds()
            throws Exception {
        OnlineUpgrade.pgbenchKeepsWritingThroughCopyAndCutover(source, target);
    }
}
