package io.pgshift.cli;

import org.junit.jupiter.api.Test;

import io.pgshift.testkit.Cli;

import static org.assertj.core.api.Assertions.assertThat;

/** The online choices that copy and upgrade share mean nothing without --online, and say so before connecting. */
class OnlineFlagsTest {
    private static final String NOWHERE = "host=127.0.0.1 port=1 dbname=x sslmode=disable";

    @Test
    void aCopyGivenAnOnlineChoiceWithoutOnlineIsAUsageError() {
        Cli.Run run = Cli.run("copy", "--source", NOWHERE, "--target", NOWHERE, "--max-slot-wal", "1GB");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--max-slot-wal and --follow go with --online");
    }

    @Test
    void anUpgradeGivenAnOnlineChoiceWithoutOnlineIsAUsageError() {
        Cli.Run run = Cli.run("upgrade", "--source", NOWHERE, "--target", NOWHERE, "--replica-identity-full");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--replica-identity-full, --source-from-target and --max-slot-wal go with --online");
    }

    @Test
    void anUpgradeTakesTheSourceFromTheTargetAsKeyValuePairsOnly() {
        Cli.Run run = Cli.run("upgrade", "--source", NOWHERE, "--target", NOWHERE, "--online",
                "--source-from-target", "postgresql://10.0.0.5/");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--source-from-target takes key=value pairs here");
    }
}
