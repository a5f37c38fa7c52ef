package io.pgshift.cli;

import org.junit.jupiter.api.Test;

import io.pgshift.testkit.Cli;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad split options are usage errors, refused before any connection is opened. */
class SplitOptionsTest {
    private static final String NOWHERE = "host=127.0.0.1 port=1 dbname=x sslmode=disable";

    @Test
    void aSizeWithAnUnknownUnitIsAUsageError() {
        Cli.Run run = Cli.run("copy", "--source", NOWHERE, "--target", NOWHERE, "--split-tables-larger-than", "1XB");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("'1XB' is not a size");
    }

    @Test
    void fewerThanOnePartIsAUsageError() {
        Cli.Run run = Cli.run("copy", "--source", NOWHERE, "--target", NOWHERE, "--split-max-parts", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--split-max-parts must be at least 1");
    }
}
