package io.pgshift.tables;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The table torture schema, written for the copy's own tests and not for managed servers, upgraded from a
 * self-hosted 14 into a server set up as Azure sets up its own, connecting there as the admin: every table shape
 * must arrive, with its owners and privileges, and verify equal.
 */
class TortureAsManagedAdminIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final ManagedServer target = ManagedServer.of(ManagedServer.Provider.AZURE, "17");

    @BeforeAll
    static void fill() throws Exception {
        TableTorture.load(source, "torture");
    }

    @Test
    void everyTableShapeArrivesAsTheAdminAndVerifiesEqual() {
        Cli.Run run = Cli.run("upgrade", "--source", Cli.conn(source, "postgres"), "--target",
                target.adminConn("postgres"), "--databases", "torture", "--jobs", "2");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("verify").contains("torture").contains("passed");
    }
}
