package io.pgshift.cli;

import org.junit.jupiter.api.Test;

import io.pgshift.testkit.Cli;

import static org.assertj.core.api.Assertions.assertThat;

/** Mistakes on the roles command line are usage errors (exit 2), found before any server is contacted. */
class RolesOptionsTest {
    private static final String SOURCE = "host=127.0.0.1 port=1 user=u dbname=d";

    @Test
    void aTargetOrAFileIsRequiredButNotBoth() {
        assertThat(Cli.run("roles", "--source", SOURCE).exitCode()).isEqualTo(2);
        Cli.Run both = Cli.run("roles", "--source", SOURCE, "--target", SOURCE, "-f", "x.sql");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void anUnknownProfileOrAMalformedRoleMapIsAUsageError() {
        Cli.Run profile = Cli.run("roles", "--source", SOURCE, "--target", SOURCE, "--target-profile", "heroku");
        assertThat(profile.exitCode()).isEqualTo(2);
        assertThat(profile.err()).startsWith("pgshift roles: unknown target profile heroku");

        Cli.Run map = Cli.run("roles", "--source", SOURCE, "--target", SOURCE, "--role-map", "postgres");
        assertThat(map.exitCode()).isEqualTo(2);
        assertThat(map.err()).startsWith("pgshift roles: --role-map postgres: expected old=new");
    }
}
