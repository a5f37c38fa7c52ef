package io.pgshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgshift.testkit.Cli;

/**
 * A usage error is exit code 2 and one line on standard error that names the command and its --help, never the help
 * itself. The connections name hosts that do not exist: nothing here gets as far as connecting.
 */
class UsageErrorsTest {
    private static final String TWO_ENDS = "--source=host=nowhere.invalid --target=host=nowhere.invalid";

    private static Cli.Run run(String commandLine) {
        return Cli.run(commandLine.split(" "));
    }

    private static void assertUsageError(Cli.Run run, String line) {
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly(line);
    }

    @ParameterizedTest
    @ValueSource(strings = {"copy " + TWO_ENDS, "dump -h nowhere.invalid", "restore -h nowhere.invalid dump.dir",
            "analyze -h nowhere.invalid", "upgrade " + TWO_ENDS, "verify " + TWO_ENDS, "demo"})
    void noJobsIsAUsageErrorOnEveryCommandAlike(String commandLine) {
        String command = commandLine.split(" ")[0];

        assertUsageError(run(commandLine + " -j 0"),
                "pgshift " + command + ": --jobs must be at least 1 (try pgshift " + command + " --help)");
    }

    @Test
    void negativeIndexJobsAreAUsageError() {
        assertUsageError(run("copy " + TWO_ENDS + " --index-jobs -1"),
                "pgshift copy: --index-jobs must be at least 0 (try pgshift copy --help)");
    }

    @Test
    void aCountThatIsNoNumberSaysSo() {
        assertUsageError(run("copy " + TWO_ENDS + " -j many"),
                "pgshift copy: --jobs must be a whole number, not 'many' (try pgshift copy --help)");
    }

    @Test
    void fewerThanOneRangeIsAUsageError() {
        assertUsageError(run("dump -h nowhere.invalid --split-max-parts 0"),
                "pgshift dump: --split-max-parts must be at least 1 (try pgshift dump --help)");
    }

    @Test
    void anUnknownOptionIsOneLine() {
        assertUsageError(run("copy --bogus"), "pgshift copy: unknown option: '--bogus' (try pgshift copy --help)");
    }

    @Test
    void aMissingArgumentIsOneLine() {
        assertUsageError(run("analyze -j"),
                "pgshift analyze: missing required parameter for option '--jobs' (N) (try pgshift analyze --help)");
    }

    @Test
    void anUnknownFormatIsOneLine() {
        assertUsageError(run("dump -h nowhere.invalid -F weird -f x"),
                "pgshift dump: unknown format weird: use plain, archive or directory (try pgshift dump --help)");
    }

    @Test
    void aSubcommandsErrorNamesItsWholeCommand() {
        assertUsageError(run("compare settings --bogus"),
                "pgshift compare settings: unknown option: '--bogus' (try pgshift compare settings --help)");
    }

    @Test
    void aPatternWithTooManyDottedNamesIsRefusedByEveryCommandThatSelects() {
        for (String command : new String[] {"copy " + TWO_ENDS, "upgrade " + TWO_ENDS, "dump -h nowhere.invalid"}) {
            Cli.Run run = run(command + " -t a.b.c.d");

            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("--table has too many dotted names");
        }
        assertThat(run("copy " + TWO_ENDS + " -n a.b.c").err()).contains("--schema has too many dotted names");
    }

    @Test
    void anEmptyPatternIsRefused() {
        Cli.Run run = Cli.run("copy", "--source=host=nowhere.invalid", "--target=host=nowhere.invalid", "-T", "");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--exclude-table must not be empty");
    }

    @Test
    void anArchiveOrDirectoryDumpWithoutAFileIsAUsageError() {
        assertUsageError(run("dump -h nowhere.invalid -F archive"),
                "pgshift dump: -F archive needs -f FILE (- for standard output) (try pgshift dump --help)");
        assertUsageError(run("dump -h nowhere.invalid"),
                "pgshift dump: -F directory needs -f DIR (try pgshift dump --help)");
    }

    @Test
    void anUnknownCommandIsOneLine() {
        Cli.Run run = run("cpoy");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).hasSize(1);
        assertThat(run.err()).startsWith("pgshift: ").endsWith("(try pgshift --help)" + System.lineSeparator());
    }
}
