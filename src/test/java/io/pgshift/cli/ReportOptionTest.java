package io.pgshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.pgshift.testkit.Cli;
import picocli.CommandLine;

/** --report on every long command, and the upgrade's report by default. */
class ReportOptionTest {
    @Test
    void everyLongCommandTakesAReportFile() {
        for (String command : new String[] {"copy", "dump", "restore", "verify", "upgrade"}) {
            CommandLine cli = Main.commandLine(new String[] {command});
            assertThat(cli.getSubcommands().get(command).getCommandSpec().findOption("--report"))
                    .as(command).isNotNull();
        }
    }

    @Test
    void aReportNameThatIsNeitherJsonNorHtmlIsAUsageError() {
        Cli.Run run = Cli.run("copy", "--source", "host=a", "--target", "host=b", "--report", "run.txt");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--report").contains("must name a .json or .html file, not 'run.txt'");
    }

    @Test
    void upgradeWritesATimestampedJsonReportInTheCurrentDirectoryUnlessToldOtherwise() {
        UpgradeCommand upgrade = new UpgradeCommand();
        new CommandLine(upgrade).parseArgs();
        Path file = upgrade.reportFile();
        assertThat(file.getParent()).isNull();
        assertThat(file.toString()).matches("pgshift-upgrade-\\d{8}-\\d{6}\\.json");

        UpgradeCommand chosen = new UpgradeCommand();
        new CommandLine(chosen).parseArgs("--report", "x.html");
        assertThat(chosen.reportFile()).isEqualTo(Path.of("x.html"));

        UpgradeCommand none = new UpgradeCommand();
        new CommandLine(none).parseArgs("--no-report");
        assertThat(none.reportFile()).isNull();
    }
}
