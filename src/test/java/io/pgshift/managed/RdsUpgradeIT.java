package io.pgshift.managed;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.ManagedServer.Provider;

/** Upgrades between two servers that imitate Rds's, as its admin on both ends. */
class RdsUpgradeIT extends ManagedUpgradeContract {
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
}
