package io.pgshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.pgshift.testkit.Cli;
import picocli.CommandLine;

/** copy -a/--data-only and --disable-triggers, as dump -a and restore -a take them. */
class CopyDataOnlyTest {
    private static final String[] ENDS = {"--source-host", "nowhere.invalid", "--target-host", "nowhere.invalid"};

    @Test
    void dataOnlyAndDisableTriggersAreParsedInTheirShortAndLongForms() {
        CopyCommand copy = new CopyCommand();
        new CommandLine(copy).parseArgs("-a", "--disable-triggers");
        assertThat(copy.dataOnly).isTrue();
        assertThat(copy.disableTriggers).isTrue();
        CopyCommand longForm = new CopyCommand();
        new CommandLine(longForm).parseArgs("--data-only");
        assertThat(longForm.dataOnly).isTrue();
        assertThat(longForm.disableTriggers).isFalse();
    }

    @Test
    void dataOnlyWithSchemaOnlyCleanOnlineOrResumeIsAOneLineUsageError() {
        assertUsageError("-a/--data-only cannot be used with -s/--schema-only", "-a", "-s");
        assertUsageError("-a/--data-only cannot be used with --clean", "--data-only", "--clean");
        assertUsageError("-a/--data-only cannot be used with --online", "-a", "--online");
        assertUsageError("-a/--data-only cannot be used with --resume", "-a", "--resume");
    }

    @Test
    void disableTriggersWithoutDataOnlyIsAUsageError() {
        assertUsageError("--disable-triggers is for a data-only copy: add -a", "--disable-triggers");
    }

    private static void assertUsageError(String message, String... flags) {
        String[] args = new String[1 + ENDS.length + flags.length];
        args[0] = "copy";
        System.arraycopy(ENDS, 0, args, 1, ENDS.length);
        System.arraycopy(flags, 0, args, 1 + ENDS.length, flags.length);
        Cli.Run run = Cli.run(args);
        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains(message).contains("(try pgshift copy --help)");
        assertThat(run.err().lines().count()).isEqualTo(1);
    }
}
