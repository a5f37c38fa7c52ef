package io.pgshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import picocli.CommandLine;

/** restore -f FILE and -f -, as pg_restore -f: a script instead of a target, and the usage errors around it. */
class RestoreToScriptTest {
    @TempDir
    Path temp;

    @Test
    void fileAndItsLongFormAreParsedWithDashForStandardOutput() {
        RestoreCommand command = new RestoreCommand();
        new CommandLine(command).parseArgs("-f", "-", "dump.dir");
        assertThat(command.file).isEqualTo(Path.of("-"));
        new CommandLine(command).parseArgs("--file", "app.sql", "-a", "-t", "orders", "dump.dir");
        assertThat(command.file).isEqualTo(Path.of("app.sql"));
    }

    @Test
    void aScriptWithATargetIsAUsageError() {
        for (String[] target : new String[][] {{"--target", "dbname=x"}, {"-h", "db1"}, {"-d", "app"},
                {"--role", "owner"}}) {
            Cli.Run run = Cli.run("restore", "-f", temp.resolve("x.sql").toString(), target[0], target[1], "dump.dir");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err()).contains("-f/--file writes a script instead of restoring into a server");
        }
    }

    @Test
    void aScriptWithSeveralJobsIsAUsageError() {
        Cli.Run run = Cli.run("restore", "-f", temp.resolve("x.sql").toString(), "-j", "2", "dump.dir");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("leave out -j/--jobs");
    }

    @Test
    void optionsOfARestoreIntoAServerAreUsageErrorsWithAScript() {
        Cli.Run grants = Cli.run("restore", "-f", "-", "--keep-role-grants", "dump.dir");
        assertThat(grants.exitCode()).isEqualTo(2);
        assertThat(grants.err()).contains("leave out --keep-role-grants");
        Cli.Run report = Cli.run("restore", "-f", "-", "--report", temp.resolve("r.json").toString(), "dump.dir");
        assertThat(report.exitCode()).isEqualTo(2);
        assertThat(report.err()).contains("leave out --report");
    }

    @Test
    void theRestoreChecksOfTheCommandLineApplyToAScriptToo() {
        Cli.Run ifExists = Cli.run("restore", "-f", "-", "--if-exists", "dump.dir");
        assertThat(ifExists.exitCode()).isEqualTo(2);
        assertThat(ifExists.err()).contains("--if-exists requires --clean");
        Cli.Run triggers = Cli.run("restore", "-f", "-", "--disable-triggers", "dump.dir");
        assertThat(triggers.exitCode()).isEqualTo(2);
        assertThat(triggers.err()).contains("--disable-triggers is for a data-only restore");
    }

    @Test
    void aDumpThatIsNotThereIsAFileError() {
        Cli.Run run = Cli.run("restore", "-f", temp.resolve("x.sql").toString(), temp.resolve("none").toString());
        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(temp.resolve("x.sql")).doesNotExist();
        assertThat(temp.resolve("x.sql.partial")).doesNotExist();
    }
}
