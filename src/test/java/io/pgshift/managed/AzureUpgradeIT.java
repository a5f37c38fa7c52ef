package io.pgshift.managed;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.ManagedServer.Provider;

/** Upgrades between two servers that imitate Azure's, as its admin on both ends: see {@link ManagedUpgrades}. */
class AzureUpgradeIT {
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

    @TempDir
    static Path reports;

    /** Up to 15 a CREATEROLE admin may grant itself any role that is not a superuser: no SET option yet. */
    @Test
    void aWholeServerMovesFrom14To15AsTheAdminWithOwnersKeptAndVerified() throws Exception {
        ManagedUpgrades.upgradeAndCheck(source14, target15, reports);
    }

    @Test
    void aWholeServerMovesFrom12To16AsTheAdminWithOwnersKeptAndVerified() throws Exception {
        ManagedUpgrades.upgradeAndCheck(source12, target16, reports);
    }

    @Test
    void aWholeServerMovesFrom14To17AsTheAdminWithOwnersKeptAndVerified() throws Exception {
        ManagedUpgrades.upgradeAndCheck(source14, target17, reports);
    }

    @Test
    void aWholeServerMovesFrom12To18AsTheAdminWithOwnersKeptAndVerified() throws Exception {
        ManagedUpgrades.upgradeAndCheck(source12, target18, reports);
    }
}
