package io.pgshift.roles;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The roles of a PostgreSQL 12 server reach a 17 one as pg_dumpall --roles-only would bring them, and can log in
 * with the passwords they had.
 */
class RolesFrom12To17IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    static final List<String> ROLES = List.of("rt_owner", "rt_admin", "rt_ops", "rt_readers", "RT Mixed", "rt_monitor");
    static final String PSQL = "/usr/lib/postgresql/15/bin/psql";

    @TempDir
    Path dir;

    @BeforeAll
    static void rolesOnTheSource() {
        source.createDatabase("shop");
        source.createDatabase("reports");
        target.createDatabase("shop");
        source.execute("postgres",
                "CREATE ROLE rt_owner LOGIN PASSWORD 'owner secret' CREATEDB CONNECTION LIMIT 7 "
                        + "VALID UNTIL '2040-01-01 00:00:00+00'",
                "CREATE ROLE rt_admin LOGIN PASSWORD 'admin secret' SUPERUSER BYPASSRLS",
                "CREATE ROLE rt_ops LOGIN PASSWORD 'ops secret' CREATEROLE REPLICATION NOINHERIT",
                "CREATE ROLE rt_readers NOLOGIN",
                "CREATE ROLE \"RT Mixed\" LOGIN PASSWORD 'mixed''quote'",
                "CREATE ROLE rt_monitor LOGIN PASSWORD 'monitor' IN ROLE pg_read_all_settings",
                "GRANT rt_readers TO rt_owner WITH ADMIN OPTION",
                "GRANT rt_readers TO \"RT Mixed\"",
                "GRANT pg_read_all_stats TO rt_ops",
                "ALTER ROLE rt_owner SET work_mem = '16MB'",
                "ALTER ROLE rt_owner SET search_path = \"$user\", public",
                "ALTER ROLE rt_readers SET statement_timeout = '30s'",
                "ALTER ROLE rt_owner IN DATABASE shop SET statement_timeout = '5s'",
                "ALTER ROLE rt_ops IN DATABASE reports SET work_mem = '64MB'",
                "COMMENT ON ROLE rt_readers IS 'people who read'");
    }

    @BeforeEach
    void targetWithoutTheRoles() throws Exception {
        RoleFacts.drop(target, ROLES);
        RoleFacts.drop(target, List.of("rt_cloud_admin"));
    }

    private static Cli.Run roles(String... more) {
        String[] args = new String[3 + more.length];
        args[0] = "roles";
        args[1] = "--source";
        args[2] = Cli.conn(source, "postgres");
        System.arraycopy(more, 0, args, 3, more.length);
        return Cli.run(args);
    }

    /** Everything but the settings in the database the target lacks (reports): those wait for it. */
    private static void assertTargetEqualsSource() throws Exception {
        assertThat(RoleFacts.attributes(target, ROLES)).isEqualTo(RoleFacts.attributes(source, ROLES));
        assertThat(RoleFacts.verifiers(target, ROLES)).isEqualTo(RoleFacts.verifiers(source, ROLES));
        assertThat(RoleFacts.memberships(target, ROLES, false)).isEqualTo(RoleFacts.memberships(source, ROLES, false));
        assertThat(RoleFacts.settings(target, ROLES)).isEqualTo(RoleFacts.settings(source, ROLES).stream()
                .filter(s -> !s.contains("@reports")).toList());
    }

    @Test
    void rolesLogInOnTheTargetWithTheirOldPasswordsAndTheirMembershipsAndSettingsAreEqual() throws Exception {
        Cli.Run run = roles("--target", Cli.conn(target, "postgres"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("6 created, 0 altered, 1 skipped")
                .contains("skipped postgres: the source's bootstrap superuser")
                .contains("note: settings of role rt_ops in database reports wait for that database")
                .doesNotContain("SCRAM-SHA-256$");
        assertTargetEqualsSource();
        assertThat(RoleFacts.logIn(target, "rt_owner", "owner secret")).isEqualTo("rt_owner");
        assertThat(RoleFacts.logIn(target, "RT Mixed", "mixed'quote")).isEqualTo("RT Mixed");
        assertThatThrownBy(() -> RoleFacts.logIn(target, "rt_owner", "wrong")).hasMessageContaining("password");
    }

    @Test
    void aSecondRunAltersEveryRoleAndChangesNothing() throws Exception {
        Cli.Run first = roles("--target", Cli.conn(target, "postgres"));
        assertThat(first.exitCode()).as(first.err()).isZero();
        List<String> attributes = RoleFacts.attributes(target, ROLES);
        List<String> memberships = RoleFacts.memberships(target, ROLES, true);
        List<String> settings = RoleFacts.settings(target, ROLES);

        Cli.Run second = roles("--target", Cli.conn(target, "postgres"));

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.out()).contains("0 created, 6 altered, 1 skipped").doesNotContain("warning:");
        assertThat(RoleFacts.attributes(target, ROLES)).isEqualTo(attributes);
        assertThat(RoleFacts.memberships(target, ROLES, true)).isEqualTo(memberships);
        assertThat(RoleFacts.settings(target, ROLES)).isEqualTo(settings);
        assertTargetEqualsSource();
    }

    @Test
    void theScriptIsPrivateAndRunsTwiceWithPsqlOnATargetWithoutTheRoles() throws Exception {
        Path script = dir.resolve("roles.sql");
        Cli.Run run = roles("-f", script.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("6 roles written").doesNotContain("SCRAM-SHA-256$");
        assertThat(Files.getPosixFilePermissions(script)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(script)).contains("SCRAM-SHA-256$");
        psql(script);
        psql(script);
        assertTargetEqualsSource();
        assertThat(RoleFacts.logIn(target, "rt_owner", "owner secret")).isEqualTo("rt_owner");

        Cli.Run again = roles("-f", script.toString());
        assertThat(again.exitCode()).isEqualTo(11);
        assertThat(again.err()).contains("already exists");
    }

    @Test
    void theDryRunShowsTheStatementsWithPasswordsMaskedAndChangesNothing() throws Exception {
        Cli.Run run = roles("--target", Cli.conn(target, "postgres"), "--dry-run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("CREATE ROLE rt_owner WITH NOSUPERUSER INHERIT NOCREATEROLE CREATEDB LOGIN")
                .contains("PASSWORD '********'").contains("Would move roles").doesNotContain("SCRAM-SHA-256$");
        assertThat(RoleFacts.exists(target, "rt_owner")).isFalse();
    }

    @Test
    void aSourceUserThatCannotReadPgAuthidMovesTheRolesWithoutPasswordsAndNamesTheOnesThatNeedOne() throws Exception {
        Cli.Run run = Cli.run("roles", "--source", RoleFacts.conn(source, "rt_monitor", "monitor", "postgres"),
                "--target", Cli.conn(target, "postgres"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("warning: the source user cannot read pg_authid")
                .contains("warning: LOGIN roles that need a password set on the target")
                .contains("  ALTER ROLE \"RT Mixed\" PASSWORD 'new password';\n")
                .contains("  ALTER ROLE rt_owner PASSWORD 'new password';\n");
        assertThat(RoleFacts.attributes(target, ROLES)).isEqualTo(RoleFacts.attributes(source, ROLES));
        assertThat(RoleFacts.verifiers(target, ROLES)).allMatch(v -> v.endsWith(" -"));
    }

    /**
     * The Azure acceptance: a source with SUPERUSER and BYPASSRLS roles, a target whose connecting user has only
     * CREATEROLE and CREATEDB, as on a managed service. Nothing fails; what was left out is named.
     */
    @Test
    void rolesReplayOntoATargetWhoseUserIsNotASuperuserWithTheLeftOutAttributesReported() throws Exception {
        target.execute("postgres", "CREATE ROLE rt_cloud_admin LOGIN CREATEROLE CREATEDB PASSWORD 'cloud'");
        String cloud = RoleFacts.conn(target, "rt_cloud_admin", "cloud", "postgres");

        Cli.Run azure = roles("--target", cloud, "--target-profile", "azure");

        assertThat(azure.exitCode()).as(azure.err()).isZero();
        assertThat(azure.out()).contains("(profile azure): 6 created")
                .contains("warning: role rt_admin: left out SUPERUSER, BYPASSRLS (the azure profile reserves it)")
                .contains("warning: role rt_ops: left out REPLICATION (the azure profile reserves it)");
        assertThat(RoleFacts.logIn(target, "rt_owner", "owner secret")).isEqualTo("rt_owner");
        assertThat(RoleFacts.attributes(target, List.of("rt_admin"))).singleElement().asString()
                .contains("super=false").contains("bypassrls=false").contains("login=true");

        Cli.Run auto = roles("--target", cloud);

        assertThat(auto.exitCode()).as(auto.err()).isZero();
        assertThat(auto.out()).contains("(profile generic): 0 created, 6 altered")
                .contains("warning: role rt_admin: left out SUPERUSER, BYPASSRLS (the target user rt_cloud_admin cannot "
                        + "grant it)");
        // Membership in a predefined role takes ADMIN OPTION on it from 16 on, which this user does not hold.
        assertThat(auto.out()).contains("warning: membership of rt_monitor in pg_read_all_settings left out: the target "
                + "user rt_cloud_admin has no ADMIN OPTION on pg_read_all_settings");
        assertThat(RoleFacts.memberships(target, ROLES, false)).isEqualTo(RoleFacts.memberships(source, ROLES, false)
                .stream().filter(m -> !m.contains(" in pg_")).toList());
    }

    /** The upgrade command's way: roles first, per-database settings once it created the databases. */
    @Test
    void perDatabaseSettingsCanWaitUntilTheirDatabaseExists() throws Exception {
        ConnInfo from = ConnInfo.parse(Cli.conn(source, "postgres"), Environment.system());
        ConnInfo to = ConnInfo.parse(Cli.conn(target, "postgres"), Environment.system());
        RoleMigrationResult result = RoleMigration.run(from, to, RoleOptions.defaults().withDatabaseSettings(false));

        assertThat(result.pendingDatabaseSettings()).extracting(DatabaseRoleSetting::database)
                .containsExactly("reports", "shop");
        assertThat(RoleFacts.settings(target, ROLES)).noneMatch(s -> s.contains("@shop"));
        assertThat(result.toString()).doesNotContain("SCRAM-SHA-256$");

        target.createDatabase("reports");
        try {
            RoleMigration.DatabaseSettingsResult applied = RoleMigration.applyDatabaseSettings(to,
                    result.pendingDatabaseSettings());
            assertThat(applied.applied()).isEqualTo(2);
            assertThat(applied.pending()).isEmpty();
            assertThat(applied.warnings()).isEmpty();
            assertThat(RoleFacts.settings(target, ROLES)).isEqualTo(RoleFacts.settings(source, ROLES));
        } finally {
            target.execute("postgres", "DROP DATABASE reports");
        }
    }

    private void psql(Path script) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", target.host(),
                "-p", Integer.toString(target.port()), "-U", target.superuser(), "-d", "postgres", "-f", script.toString())
                .redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", target.password());
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        assertThat(output).doesNotContain("ERROR");
    }
}
