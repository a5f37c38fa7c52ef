package io.pgshift.cli;

import org.junit.jupiter.api.Test;

import io.pgshift.testkit.Cli;

import static org.assertj.core.api.Assertions.assertThat;

/** Option mistakes are refused before any server is reached (the hosts here do not exist). */
class VerifyOptionsTest {
    @Test
    void fewerThanOneJobIsAUsageError() {
        Cli.Run run = Cli.run("verify", "--source", "host=nowhere.invalid dbname=a user=u",
                "--target", "host=nowhere.invalid dbname=a user=u", "--jobs", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--jobs must be at least 1");
    }

    @Test
    void choosingDatabasesWithADatabaseNamedInTheConnectionIsAUsageError() {
        Cli.Run run = Cli.run("verify", "--source", "host=nowhere.invalid dbname=a user=u",
                "--target", "host=nowhere.invalid user=u", "--exclude-databases", "b");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("leave the database name out of --source and --target");
    }

    @Test
    void aSplitSizeMustBeASize() {
        Cli.Run run = Cli.run("verify", "--source", "host=nowhere.invalid dbname=a user=u",
                "--target", "host=nowhere.invalid dbname=a user=u", "--split-tables-larger-than", "big");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'big' is not a size");
    }
}
