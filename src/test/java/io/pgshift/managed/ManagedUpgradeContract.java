package io.pgshift.managed;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.ManagedServer;

/**
 * What every provider's servers must allow: whole upgrades from 12 and 14 to 16, 17 and 18, as the admin on both
 * ends, owners kept and verified (see {@link ManagedUpgrades}). Each provider's class starts the servers, which
 * JUnit only manages in static fields of the class that runs.
 */
abstract class ManagedUpgradeContract {
    @TempDir
    static Path reports;

    abstract ManagedServer source12();

    abstract ManagedServer source14();

    abstract ManagedServer target16();

    abstract ManagedServer target17();

    abstract ManagedServer target18();

    @Test
    void aWholeServerMovesFrom12To16AsTheAdminWithOwnersKeptAndVerified() throws Exception {
        ManagedUpgrades.upgradeAndCheck(source12(), target16(), reports);
    }

    @Test
    void aWholeServerMovesFrom14To17AsTheAdminWithOwnersKeptAndVerified() throws Exception {
        ManagedUpgrades.upgradeAndCheck(source14(), target17(), reports);
    }

    @Test
    void aWholeServerMovesFrom12To18AsTheAdminWithOwnersKeptAndVerified() throws Exception {
        ManagedUpgrades.upgradeAndCheck(source12(), target18(), reports);
    }
}
