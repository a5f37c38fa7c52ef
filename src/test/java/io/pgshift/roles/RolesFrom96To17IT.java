package io.pgshift.roles;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oldest source: 9.6 stores md5 verifiers, which a 17 target keeps, so the roles log in where pg_hba.conf
 * asks for md5 (a scram-sha-256 line would refuse them, which the result warns about).
 */
class RolesFrom96To17IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("9.6");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    static final List<String> ROLES = List.of("old_owner", "old_group", "old_auditor");

    @TempDir
    Path dir;

    @BeforeAll
    static void rolesOnTheSource() throws Exception {
        source.createDatabase("legacy");
        target.createDatabase("legacy");
        source.execute("postgres",
                "CREATE ROLE old_owner LOGIN PASSWORD 'old secret' CREATEDB VALID UNTIL 'infinity'",
                "CREATE ROLE old_group NOLOGIN NOINHERIT",
                "CREATE ROLE old_auditor LOGIN PASSWORD 'audit' BYPASSRLS CONNECTION LIMIT 2",
                "GRANT old_group TO old_owner WITH ADMIN OPTION",
                "GRANT old_group TO old_auditor",
                "ALTER ROLE old_owner SET work_mem = '12MB'",
                "ALTER ROLE old_auditor IN DATABASE legacy SET search_path = audit, public",
                "COMMENT ON ROLE old_group IS 'the old group'");
        RoleFacts.acceptMd5(target);
    }

    @BeforeEach
    void targetWithoutTheRoles() throws Exception {
        RoleFacts.drop(target, ROLES);
    }

    private static void assertTargetEqualsSource() throws Exception {
        assertThat(RoleFacts.attributes(target, ROLES)).isEqualTo(RoleFacts.attributes(source, ROLES));
        assertThat(RoleFacts.verifiers(target, ROLES)).isEqualTo(RoleFacts.verifiers(source, ROLES))
                .anyMatch(v -> v.startsWith("old_owner md5"));
        assertThat(RoleFacts.memberships(target, ROLES, false)).isEqualTo(RoleFacts.memberships(source, ROLES, false));
        assertThat(RoleFacts.settings(target, ROLES)).isEqualTo(RoleFacts.settings(source, ROLES));
    }

    @Test
    void md5PasswordsStillLogInAndMembershipsAndSettingsAreEqualAfterTwoRuns() throws Exception {
        for (int run = 1; run <= 2; run++) {
            Cli.Run roles = Cli.run("roles", "--source", Cli.conn(source, "postgres"), "--target",
                    Cli.conn(target, "postgres"));
            assertThat(roles.exitCode()).as(roles.err()).isZero();
            assertThat(roles.out()).contains(run == 1 ? "3 created, 0 altered" : "0 created, 3 altered")
                    .contains("warning: roles with md5 password hashes").doesNotContain("md5" + "a");
        }
        assertTargetEqualsSource();
        assertThat(RoleFacts.logIn(target, "old_owner", "old secret")).isEqualTo("old_owner");
        assertThat(RoleFacts.logIn(target, "old_auditor", "audit")).isEqualTo("old_auditor");
    }

    @Test
    void theScriptOfA96SourceRunsTwiceWithPsql() throws Exception {
        Path script = dir.resolve("roles.sql");
        Cli.Run run = Cli.run("roles", "--source", Cli.conn(source, "postgres"), "-f", script.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();

        for (int i = 0; i < 2; i++) {
            ProcessBuilder pb = new ProcessBuilder(RolesFrom12To17IT.PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1",
                    "-h", target.host(), "-p", Integer.toString(target.port()), "-U", target.superuser(),
                    "-d", "postgres", "-f", script.toString()).redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", target.password());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(output).isZero();
        }
        assertTargetEqualsSource();
        assertThat(RoleFacts.logIn(target, "old_owner", "old secret")).isEqualTo("old_owner");
    }
}
