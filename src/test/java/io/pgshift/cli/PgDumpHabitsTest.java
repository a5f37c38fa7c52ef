package io.pgshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.connect.Connector;
import io.pgshift.connect.Environment;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.testkit.Cli;
import picocli.CommandLine;

/**
 * Issue 14's pg_dump and pg_restore habits on the command line: --no-comments, --no-publications,
 * --no-subscriptions, --strict-names, --disable-triggers, --role and --lock-wait-timeout. Parsed against the real
 * commands; no server is contacted.
 */
class PgDumpHabitsTest {
    @TempDir
    Path home;

    private Environment env() {
        return Environment.of(Map.of(), home, "osuser");
    }

    private static <T> T parse(T command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(new StringWriter(), true));
        cli.parseArgs(args);
        return command;
    }

    @Test
    void copyRestoreAndUpgradeTakeTheFlagsThatLeaveKindsOfObjectsOut() {
        DdlOptions copy = parse(new CopyCommand(), "--no-comments", "--no-publications", "--no-subscriptions")
                .ddl.toOptions();
        assertThat(copy).isEqualTo(new DdlOptions(false, false, false, false, true, true, true));
        assertThat(parse(new RestoreCommand(), "--no-comments", "dump.dir").ddl.toOptions().noComments()).isTrue();
        assertThat(parse(new UpgradeCommand(), "--no-subscriptions").ddl.toOptions().noSubscriptions()).isTrue();
        assertThat(parse(new CopyCommand()).ddl.toOptions()).isEqualTo(DdlOptions.DEFAULTS);
    }

    @Test
    void dumpTakesThemToo() {
        DumpCommand dump = parse(new DumpCommand(), "--no-publications", "-f", "x");
        assertThat(dump.leaveOut.applyTo(DdlOptions.DEFAULTS).noPublications()).isTrue();
        assertThat(dump.leaveOut.applyTo(DdlOptions.DEFAULTS).noComments()).isFalse();
    }

    @Test
    void strictNamesIsAcceptedWhereverPatternsAre() {
        assertThat(parse(new CopyCommand(), "--strict-names", "-t", "x").filter.strictNames).isTrue();
        assertThat(parse(new DumpCommand(), "--strict-names", "-f", "x").filter.strictNames).isTrue();
        assertThat(parse(new UpgradeCommand(), "--strict-names").filter.strictNames).isTrue();
        assertThat(parse(new RestoreCommand(), "--strict-names", "-n", "app", "dump.dir").strictNames).isTrue();
    }

    @Test
    void disableTriggersIsForDataOnlyWorkAndOtherwiseAUsageError() {
        Cli.Run dumpWithoutA = Cli.run("dump", "-h", "nowhere.invalid", "--disable-triggers", "-F", "plain");
        assertThat(dumpWithoutA.exitCode()).isEqualTo(2);
        assertThat(dumpWithoutA.err()).isEqualTo("pgshift dump: --disable-triggers is for a data-only plain script: "
                + "add -a and -F plain (try pgshift dump --help)" + System.lineSeparator());

        Cli.Run dumpDirectory = Cli.run("dump", "-h", "nowhere.invalid", "-a", "--disable-triggers", "-f", "d");
        assertThat(dumpDirectory.exitCode()).isEqualTo(2);
        assertThat(dumpDirectory.err()).contains("give it to restore -a instead");

        Cli.Run restore = Cli.run("restore", "-h", "nowhere.invalid", "--disable-triggers", "dump.dir");
        assertThat(restore.exitCode()).isEqualTo(2);
        assertThat(restore.err()).contains("--disable-triggers is for a data-only restore: add -a");

        assertThat(parse(new RestoreCommand(), "-a", "--disable-triggers", "d").disableTriggers).isTrue();
        assertThat(parse(new DumpCommand(), "-a", "--disable-triggers", "-F", "plain").disableTriggers).isTrue();
    }

    @Test
    void roleIsTheOneEndsRoleInEveryCommand() {
        assertThat(parse(new DumpCommand(), "-h", "db1", "--role", "app_owner").source(env()).role())
                .contains("app_owner");
        assertThat(parse(new RestoreCommand(), "--role", "loader", "d").target(env()).role()).contains("loader");
        CopyCommand copy = parse(new CopyCommand(), "--source-host", "a", "--target-host", "b", "--source-role",
                "reader", "--target-role", "owner");
        assertThat(copy.source(env()).role()).contains("reader");
        assertThat(copy.target(env()).role()).contains("owner");
        assertThat(copy.target(env()).withDatabase("postgres").role()).contains("owner");
        assertThat(parse(new DumpCommand(), "-h", "db1").source(env()).role()).isEmpty();
    }

    @Test
    void aRoleAloneDoesNotNameAnEnd() {
        Cli.Run run = Cli.run("copy", "--source-role", "r", "--target-host", "b");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--source is missing");
    }

    @Test
    void theRoleAndTheLockTimeoutGoIntoEverySessionsStartupOptions() {
        CopyCommand copy = parse(new CopyCommand(), "--source", "host=a options='-c work_mem=64MB'",
                "--target-host", "b", "--source-role", "my reader", "--lock-wait-timeout", "10s");
        assertThat(Connector.jdbcProperties(copy.source(env())).getProperty("options"))
                .isEqualTo("-c work_mem=64MB -c role=my\\ reader -c lock_timeout=10s");
        assertThat(Connector.jdbcProperties(copy.target(env())).getProperty("options")).isNull();
    }

    @Test
    void lockWaitTimeoutTakesMillisecondsOrAUnitAndRefusesTheRest() {
        assertThat(parse(new DumpCommand(), "--lock-wait-timeout=2500", "-h", "x").source(env()).lockTimeout())
                .contains("2500");
        assertThat(parse(new UpgradeCommand(), "--lock-wait-timeout", "1 min", "--source-host", "x")
                .source(env()).lockTimeout()).contains("1min");

        Cli.Run run = Cli.run("dump", "-h", "nowhere.invalid", "--lock-wait-timeout", "soon", "-F", "plain");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("pgshift dump: --lock-wait-timeout must be a number of milliseconds")
                .hasLineCount(1);
    }
}
