package io.pgshift.managed;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.ManagedServer.Provider;

/** Upgrades between two servers that imitate Azure's, as its admin on both ends. */
class AzureUpgradeIT extends ManagedUpgradeContract {
    @RegisterExtension
    static final ManagedServer source12 = ManagedServer.of(Provider.AZURE, "12");
    @RegisterExtension
    static final ManagedServer source14 = ManagedServer.of(Provider.AZURE, "14");
    @RegisterExtension
    static final ManagedServer target15 = ManagedServer.of(Provider.AZURE, "15").allowExtensions("pgcrypto");
    @RegisterExtension
    static final ManagedServer target16 = ManagedServer.of(Provider.AZURE, "16").allowExtensions("pgcrypto");
    @RegisterExtension
    static final ManagedServer target17 = ManagedServer.of(Provider.AZURE, "17").allowExtensions("pgcrypto");
    @RegisterExtension
    static final ManagedServer target18 = ManagedServer.of(Provider.AZURE, "18").allowExtensions("pgcrypto");

    @Override
    ManagedServer source12() {
        return source12;
    }

    @Override
    ManagedServer source14() {
        return source14;
    }

    @Override
    ManagedServer target16() {
        return target16;
    }

    @Override
    ManagedServer target17() {
        return target17;
    }

    @Override
    ManagedServer target18() {
        return target18;
    }

    /** Up to 15 a CREATEROLE admin may grant itself any role that is not a superuser: no SET option yet. */
    @Test
    void aWholeServerMovesFrom14To15AsTheAdminWithOwnersKeptAndVerified() throws Exception {
        ManagedUpgrades.upgradeAndCheck(source14, target15, reports);
    }
}
