package io.pgshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.testkit.Cli;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/**
 * pg_dump's -h -p -U -d on the commands with one end, --source-... and --target-... on those with two, over the
 * connection strings and the PG* variables. Parsed against the real commands; no server is contacted.
 */
class ConnectionFlagsTest {
    @TempDir
    Path home;

    private final StringWriter err = new StringWriter();

    private Environment env(String... keyValues) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            vars.put(keyValues[i], keyValues[i + 1]);
        }
        return Environment.of(vars, home, "osuser");
    }

    private <T> T parse(T command, String... args) {
        CommandLine cli = new CommandLine(command);
        cli.setErr(new PrintWriter(err, true));
        cli.parseArgs(args);
        return command;
    }

    @Test
    void dumpTakesPgDumpsConnectionFlagsForItsSource() {
        ConnInfo source = parse(new DumpCommand(), "-h", "db1", "-p", "5433", "-U", "admin", "-d", "app")
                .source(env());

        assertThat(source.describe()).isEqualTo("admin@db1:5433/app");
    }

    @Test
    void theLongFormsOfPgDumpsFlagsWorkToo() {
        ConnInfo source = parse(new DumpCommand(), "--host", "db1", "--port", "5433", "--username", "admin",
                "--dbname", "app").source(env());

        assertThat(source.describe()).isEqualTo("admin@db1:5433/app");
    }

    @Test
    void restoreAndAnalyzeTakeThemForTheirTarget() {
        assertThat(parse(new RestoreCommand(), "-h", "new", "-d", "app", "dump.dir").target(env()).describe())
                .isEqualTo("osuser@new:5432/app");
        assertThat(parse(new AnalyzeCommand(), "-h", "new", "-U", "admin").target(env()).describe())
                .isEqualTo("admin@new:5432/admin");
    }

    @Test
    void thePgVariablesAloneAreEnoughForACommandWithOneEnd() {
        Environment env = env("PGHOST", "envhost", "PGPORT", "5999", "PGUSER", "envuser", "PGDATABASE", "envdb");

        assertThat(parse(new DumpCommand()).source(env).describe()).isEqualTo("envuser@envhost:5999/envdb");
        assertThat(parse(new RestoreCommand(), "dump.dir").target(env).describe())
                .isEqualTo("envuser@envhost:5999/envdb");
        assertThat(parse(new AnalyzeCommand()).target(env).describe()).isEqualTo("envuser@envhost:5999/envdb");
    }

    @Test
    void flagsOverrideTheConnectionStringsValuesAndTheStringOverridesTheEnvironment() {
        ConnInfo source = parse(new DumpCommand(), "--source", "host=a port=1 user=u dbname=d sslmode=require",
                "-p", "2", "-d", "other").source(env("PGHOST", "envhost", "PGPORT", "3"));

        assertThat(source.describe()).isEqualTo("u@a:2/other?sslmode=require");
    }

    @Test
    void aDatabaseNameThatIsAConnectionStringIsReadAsOneAndTheOtherFlagsOverrideIt() {
        ConnInfo source = parse(new DumpCommand(), "-d", "postgresql://u@a:1/app?sslmode=require", "-h", "b")
                .source(env());

        assertThat(source.describe()).isEqualTo("u@b:1/app?sslmode=require");
    }

    @Test
    void aConnectionStringInBothSourceAndDIsAUsageError() {
        DumpCommand dump = parse(new DumpCommand(), "--source", "host=a", "-d", "host=b dbname=c");

        assertThatThrownBy(() -> dump.source(env())).isInstanceOf(ParameterException.class)
                .hasMessage("--source and -d both give a connection string: give only one");
    }

    @Test
    void commandsWithTwoEndsTakeSourceAndTargetFlags() {
        CopyCommand copy = parse(new CopyCommand(), "--source", "host=old user=admin dbname=app", "--source-port",
                "5433", "--target-host", "new", "--target-user", "admin", "--target-dbname", "app2");

        assertThat(copy.source(env()).describe()).isEqualTo("admin@old:5433/app");
        assertThat(copy.target(env()).describe()).isEqualTo("admin@new:5432/app2");
    }

    @Test
    void everyCommandWithTwoEndsTakesTheSameFlags() {
        String[] args = {"--source-host", "old", "--source-user", "s", "--target-host", "new", "--target-port", "6000"};

        assertThat(parse(new VerifyCommand(), args).target(env()).describe()).isEqualTo("osuser@new:6000/osuser");
        assertThat(parse(new CheckCommand(), args).source(env()).describe()).isEqualTo("s@old:5432/s");
        // A whole server is reached through its postgres database, as pg_dumpall does (see the test below).
        assertThat(parse(new UpgradeCommand(), args).target(env()).describe()).isEqualTo("osuser@new:6000/postgres");
        assertThat(parse(new CompareSettingsCommand(), args).source(env()).describe()).isEqualTo("s@old:5432/s");
        assertThat(parse(new RolesCommand(), args).target(env()).orElseThrow().describe())
                .isEqualTo("osuser@new:6000/osuser");
    }

    @Test
    void anUpgradeGivenNoDatabaseReachesEachServerThroughItsPostgresDatabaseNotOneNamedAsTheUser() {
        UpgradeCommand upgrade = parse(new UpgradeCommand(), "--source", "host=old user=admin", "--target",
                "host=new user=admin dbname=maintenance");

        assertThat(upgrade.source(env()).describe()).isEqualTo("admin@old:5432/postgres");
        assertThat(upgrade.target(env()).describe()).isEqualTo("admin@new:5432/maintenance");
    }

    @Test
    void aCommandWithTwoEndsNeedsEachEndNamedSinceTheEnvironmentWouldGiveBothTheSameServer() {
        CopyCommand copy = parse(new CopyCommand(), "--target", "host=new");

        assertThatThrownBy(() -> copy.source(env("PGHOST", "envhost"))).isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("--source is missing: give --source CONN, or --source-host");
        assertThat(copy.target(env()).host().host()).isEqualTo("new");
    }

    @Test
    void aMissingEndIsOneLineOnStandardErrorAndExitCodeTwo() {
        Cli.Run run = Cli.run("check", "--source", "host=old");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().lines()).containsExactly("pgshift check: --target is missing: give --target CONN, or "
                + "--target-host, --target-port, --target-user or --target-dbname over the PG* environment variables "
                + "(try pgshift check --help)");
    }

    @Test
    void rolesWritingAScriptNeedsNoTargetAndTakesItsSourceFromTheEnvironment() {
        RolesCommand roles = parse(new RolesCommand(), "-f", "roles.sql");

        assertThat(roles.target(env())).isEmpty();
        assertThat(roles.source(env("PGHOST", "envhost")).host().host()).isEqualTo("envhost");
    }

    @Test
    void rolesRefusesATargetFlagAndAFileTogether() {
        RolesCommand roles = parse(new RolesCommand(), "--source", "host=a", "--target-host", "b", "-f", "x.sql");

        assertThatThrownBy(() -> roles.target(env())).isInstanceOf(ParameterException.class)
                .hasMessageContaining("mutually exclusive");
    }

    @Test
    void thereIsNoPasswordFlag() {
        assertThat(Cli.run("dump", "--password", "secret").err()).contains("unknown option");
        assertThat(Cli.run("copy", "--source-password", "secret").err()).contains("unknown option");
    }

    @Test
    void aPasswordInTheConnectionStringIsAOneLineWarningThatNeverShowsIt() {
        parse(new CheckCommand(), "--source", "postgresql://admin:s3cret@old/app", "--target", "host=new")
                .source(env());

        assertThat(err.toString().lines()).containsExactly("warning: the password in --source is visible to every "
                + "user of this machine in the process list; put it in ~/.pgpass or PGPASSWORD instead");
        assertThat(err.toString()).doesNotContain("s3cret");
    }

    @Test
    void aPasswordInADatabaseNameThatIsAConnectionStringIsWarnedAboutAsD() {
        parse(new AnalyzeCommand(), "-d", "host=a password=s3cret").target(env());

        assertThat(err.toString()).contains("the password in -d is visible").doesNotContain("s3cret");
    }

    @Test
    void aPasswordFromPgpasswordOrThePasswordFileGetsNoWarning() {
        parse(new DumpCommand(), "--source", "host=a").source(env("PGPASSWORD", "s3cret"));

        assertThat(err.toString()).isEmpty();
    }
}
