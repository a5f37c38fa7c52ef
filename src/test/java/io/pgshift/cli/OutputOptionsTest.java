package io.pgshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import picocli.CommandLine;

/** -q, --no-progress and --log-file: the same options on every long command, and the log file's lines. */
class OutputOptionsTest {
    private static final List<String> LONG_COMMANDS = List.of("copy", "dump", "restore", "upgrade", "verify",
            "analyze");
    /** Nothing listens on port 1: the connection is refused at once. */
    private static final String NOWHERE = "host=127.0.0.1 port=1 user=nobody dbname=none sslmode=disable";

    @TempDir
    Path temp;

    @Test
    void everyLongCommandTakesTheSameThreeOptions() {
        CommandLine cli = Main.commandLine();
        for (String command : LONG_COMMANDS) {
            CommandLine.Model.CommandSpec spec = cli.getSubcommands().get(command).getCommandSpec();
            assertThat(spec.findOption("-q")).as(command).isNotNull();
            assertThat(spec.findOption("--quiet")).as(command).isNotNull();
            assertThat(spec.findOption("--no-progress")).as(command).isNotNull();
            assertThat(spec.findOption("--log-file")).as(command).isNotNull();
        }
    }

    @Test
    void quietWinsOverTheTerminalAndNoProgressTurnsTheLiveStatusIntoLines() {
        OutputOptions options = new OutputOptions();
        assertThat(options.mode(true)).isEqualTo(ConsoleProgress.Mode.LIVE);
        assertThat(options.mode(false)).isEqualTo(ConsoleProgress.Mode.LINES);
        options.noProgress = true;
        assertThat(options.mode(true)).isEqualTo(ConsoleProgress.Mode.LINES);
        options.quiet = true;
        assertThat(options.mode(true)).isEqualTo(ConsoleProgress.Mode.QUIET);
        assertThat(options.mode(false)).isEqualTo(ConsoleProgress.Mode.QUIET);
    }

    @Test
    void theLogFileIsOwnerOnlyAndSaysHowTheCommandEnded() throws Exception {
        Path log = temp.resolve("copy.log");

        Cli.Run run = Cli.run("copy", "--log-file", log.toString(), "--source", NOWHERE, "--target", NOWHERE);

        assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
        List<String> lines = Files.readAllLines(log);
        assertThat(lines.get(0)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\S* pgshift copy: started");
        assertThat(lines.get(lines.size() - 1)).contains(" pgshift copy: failed: ");
    }

    @Test
    void anExistingLogFileIsAppendedToAndMadeOwnerOnly() throws Exception {
        Path log = temp.resolve("old.log");
        Files.writeString(log, "an earlier run\n");
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));

        Cli.run("analyze", "--log-file", log.toString(), "--target", NOWHERE);

        assertThat(Files.readAllLines(log).get(0)).isEqualTo("an earlier run");
        assertThat(Files.readAllLines(log)).anyMatch(l -> l.endsWith(" pgshift analyze: started"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(log))).isEqualTo("rw-------");
    }

    @Test
    void aLogFileThatCannotBeWrittenStopsTheCommandBeforeItStarts() {
        Cli.Run run = Cli.run("copy", "--log-file", temp.resolve("no/such/dir/copy.log").toString(), "--source",
                NOWHERE, "--target", NOWHERE);

        assertThat(run.exitCode()).isEqualTo(11);
        assertThat(run.err()).contains("cannot write the log file");
    }
}
