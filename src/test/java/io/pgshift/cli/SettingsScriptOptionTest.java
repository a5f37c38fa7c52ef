package io.pgshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;

/** compare settings --script and upgrade --settings-script. */
class SettingsScriptOptionTest {
    @Test
    void upgradeRefusesAnExistingSettingsScriptBeforeItConnectsToAnything(@TempDir Path dir) throws Exception {
        Path existing = Files.writeString(dir.resolve("settings.sql"), "keep me");

        Cli.Run run = Cli.run("upgrade", "--source", "host=no-such-host.invalid", "--target",
                "host=no-such-host.invalid", "--no-report", "--settings-script", existing.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(11);
        assertThat(run.err()).contains("already exists");
        assertThat(Files.readString(existing)).isEqualTo("keep me");
    }

    @Test
    void compareSettingsRefusesAnUnknownTargetProfileAsAUsageError() {
        Cli.Run run = Cli.run("compare", "settings", "--source", "host=a", "--target", "host=b", "--script", "x.sql",
                "--target-profile", "heroku");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown target profile heroku");
    }
}
