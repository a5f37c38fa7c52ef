package io.pgshift.managed;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.ManagedServer.Provider;

/** Upgrades between two servers that imitate Rds's, as its admin on both ends: see {@link ManagedUpgrades}. */
class RdsUpgradeIT {
    @RegisterExtension
    static final ManagedServer source12 = ManagedServer.of(Provider.RDS, "12");
    @RegisterExtension
    static final ManagedServer source14 = ManagedServer.of(Provider.RDS, "14");
    @RegisterExtension
    static final ManagedServer target16 = ManagedServer.of(Provider.RDS, "16");
    @RegisterExtension
    static final ManagedServer target17 = ManagedServer.of(Provider.RDS, "17");
    @RegisterExtension
    static final ManagedServer target18 = ManagedServer.of(Provider.RDS, "18");

    @TempDir
    static Path reports;

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
