package io.pgshift.roles;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.pgshift.PgShiftException;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.roles.RoleMigrationResult.Action;
import io.pgshift.roles.RoleMigrationResult.LeftOut;

import static io.pgshift.roles.Attribute.BYPASSRLS;
import static io.pgshift.roles.Attribute.CREATEDB;
import static io.pgshift.roles.Attribute.CREATEROLE;
import static io.pgshift.roles.Attribute.INHERIT;
import static io.pgshift.roles.Attribute.LOGIN;
import static io.pgshift.roles.Attribute.REPLICATION;
import static io.pgshift.roles.Attribute.SUPERUSER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RolePlannerTest {
    private static final ServerVersion V12 = new ServerVersion(120022);
    private static final ServerVersion V15 = new ServerVersion(150012);
    private static final ServerVersion V16 = new ServerVersion(160009);
    private static final ServerVersion V17 = new ServerVersion(170005);
    private static final String SCRAM = "SCRAM-SHA-256$4096:c2FsdA==$c3RvcmVk:c2VydmVy";
    private static final String MD5 = "md5" + "0123456789abcdef0123456789abcdef";

    private static Role role(String name, Set<Attribute> attributes, String password) {
        return new Role(name, false, attributes, -1, null, password == null ? null : new Verifier(password), null,
                List.of());
    }

    private static SourceRoles source(ServerVersion version, List<Role> roles, List<Membership> memberships) {
        return new SourceRoles(version, roles, memberships, List.of(), List.of(), true, TargetProfile.GENERIC);
    }

    /** A source 12 with the bootstrap superuser, a superuser that bypasses RLS, a login with a password, a group. */
    private static SourceRoles shop() {
        Role postgres = new Role("postgres", true, EnumSet.of(SUPERUSER, INHERIT, CREATEROLE, CREATEDB, LOGIN,
                REPLICATION, BYPASSRLS), -1, null, new Verifier(SCRAM), null, List.of());
        Role admin = role("app_admin", EnumSet.of(SUPERUSER, BYPASSRLS, INHERIT, LOGIN), SCRAM);
        Role owner = new Role("app_owner", false, EnumSet.of(INHERIT, LOGIN, CREATEDB), 7, "2040-01-01 00:00:00+00",
                new Verifier(SCRAM), "owns the app", List.of("work_mem=16MB", "search_path=\"$user\", public"));
        Role readers = role("readers", EnumSet.noneOf(Attribute.class), null);
        return source(V12, List.of(postgres, admin, owner, readers),
                List.of(new Membership("readers", "app_owner", null, true, null, null),
                        new Membership("readers", "postgres", null, false, null, null)));
    }

    private static TargetState target(ServerVersion version, String user, Set<Attribute> userAttributes,
                                      Map<String, TargetState.TargetRole> more) {
        Map<String, TargetState.TargetRole> roles = new HashMap<>(more);
        boolean superuser = userAttributes.contains(SUPERUSER);
        roles.put("postgres", new TargetState.TargetRole("postgres", EnumSet.of(SUPERUSER, LOGIN), superuser));
        roles.put(user, new TargetState.TargetRole(user, userAttributes, superuser));
        roles.put("pg_monitor", new TargetState.TargetRole("pg_monitor", Set.of(), superuser));
        Map<String, TargetState.TargetSetting> settings = Map.of(
                "work_mem", new TargetState.TargetSetting("user", true),
                "search_path", new TargetState.TargetSetting("user", true),
                "statement_timeout", new TargetState.TargetSetting("user", true),
                "log_statement", new TargetState.TargetSetting("superuser", superuser));
        return new TargetState(version, user, "postgres", userAttributes, roles, Set.of("postgres", "shop"), settings,
                TargetProfile.GENERIC);
    }

    private static RolePlan plan(SourceRoles source, TargetProfile profile, TargetState live, RoleOptions options) {
        return RolePlanner.plan(source, new PlanTarget(profile, live), options, List.of());
    }

    private static String sql(RolePlan plan) {
        return String.join(";\n", plan.statements().stream().map(RoleStatement::sql).toList());
    }

    private static String display(RolePlan plan) {
        return String.join(";\n", plan.result().statements());
    }

    @Test
    void aGenericTargetGetsEveryAttributeAndTheVerifierButNeverTheBootstrapSuperuser() {
        TargetState live = target(V17, "postgres", EnumSet.of(SUPERUSER, LOGIN), Map.of());
        RolePlan plan = plan(shop(), TargetProfile.GENERIC, live, RoleOptions.defaults());

        assertThat(plan.statements()).extracting(RoleStatement::sql).contains(
                "CREATE ROLE app_admin WITH SUPERUSER INHERIT NOCREATEROLE NOCREATEDB LOGIN NOREPLICATION BYPASSRLS "
                        + "CONNECTION LIMIT -1 PASSWORD '" + SCRAM + "'",
                "CREATE ROLE app_owner WITH NOSUPERUSER INHERIT NOCREATEROLE CREATEDB LOGIN NOREPLICATION NOBYPASSRLS "
                        + "CONNECTION LIMIT 7 VALID UNTIL '2040-01-01 00:00:00+00' PASSWORD '" + SCRAM + "'",
                "COMMENT ON ROLE app_owner IS 'owns the app'",
                "ALTER ROLE app_owner SET work_mem TO '16MB'",
                "ALTER ROLE app_owner SET search_path TO '$user', 'public'",
                "GRANT readers TO app_owner WITH ADMIN OPTION");
        assertThat(sql(plan)).doesNotContain("ROLE postgres");
        assertThat(plan.result().skipped()).extracting(RoleMigrationResult.RoleOutcome::role).containsExactly("postgres");
        assertThat(plan.result().warnings()).anyMatch(w -> w.startsWith("membership of postgres in readers left out"));
        assertThat(plan.result().leftOut()).isEmpty();
    }

    @Test
    void verifiersAppearOnlyInTheSqlNeverInWhatIsShown() {
        TargetState live = target(V17, "postgres", EnumSet.of(SUPERUSER, LOGIN), Map.of());
        RolePlan plan = plan(shop(), TargetProfile.GENERIC, live, RoleOptions.defaults());

        assertThat(sql(plan)).contains(SCRAM);
        assertThat(display(plan)).doesNotContain(SCRAM).contains("PASSWORD '********'");
        assertThat(plan.result().toString()).doesNotContain(SCRAM);
        assertThat(plan.statements().toString()).doesNotContain(SCRAM);
        assertThat(shop().toString()).doesNotContain(SCRAM);
    }

    @Test
    void theAzureProfileLeavesOutSuperuserReplicationAndBypassrlsInBothDirections() {
        RolePlan plan = plan(shop(), TargetProfile.AZURE, null, RoleOptions.defaults());

        assertThat(sql(plan)).doesNotContain("SUPERUSER").doesNotContain("REPLICATION").doesNotContain("BYPASSRLS")
                .contains("ALTER ROLE app_admin WITH INHERIT NOCREATEROLE NOCREATEDB LOGIN CONNECTION LIMIT -1");
        assertThat(plan.result().leftOut()).containsExactlyInAnyOrder(
                new LeftOut("app_admin", "SUPERUSER", "the azure profile reserves it"),
                new LeftOut("app_admin", "BYPASSRLS", "the azure profile reserves it"));
    }

    @Test
    void aNonSuperuserWithCreateroleOn17GrantsOnlyWhatItHasAndAltersOnlyRolesItAdministers() {
        Map<String, TargetState.TargetRole> existing = Map.of(
                "readers", new TargetState.TargetRole("readers", Set.of(), false),
                "app_owner", new TargetState.TargetRole("app_owner", EnumSet.of(LOGIN, INHERIT, BYPASSRLS), true));
        TargetState live = target(V17, "cloud_admin", EnumSet.of(CREATEROLE, CREATEDB, LOGIN, INHERIT), existing);
        RolePlan plan = plan(shop(), TargetProfile.GENERIC, live, RoleOptions.defaults());

        assertThat(plan.statements()).extracting(RoleStatement::sql).contains(
                "CREATE ROLE app_admin WITH INHERIT NOCREATEROLE NOCREATEDB LOGIN CONNECTION LIMIT -1 PASSWORD '"
                        + SCRAM + "'",
                "ALTER ROLE app_owner WITH INHERIT NOCREATEROLE CREATEDB LOGIN CONNECTION LIMIT 7 VALID UNTIL "
                        + "'2040-01-01 00:00:00+00' PASSWORD '" + SCRAM + "'");
        // The existing role keeps BYPASSRLS, which the source's app_owner did not have: that difference is reported.
        assertThat(plan.result().leftOut()).containsExactlyInAnyOrder(
                new LeftOut("app_admin", "SUPERUSER", "the target user cloud_admin cannot grant it"),
                new LeftOut("app_admin", "BYPASSRLS", "the target user cloud_admin cannot grant it"),
                new LeftOut("app_owner", "NOBYPASSRLS", "the target user cloud_admin cannot grant it"));
        assertThat(plan.result().skipped()).extracting(RoleMigrationResult.RoleOutcome::role)
                .containsExactly("postgres", "readers");
        assertThat(plan.result().warnings()).contains(
                "membership of app_owner in readers left out: the target user cloud_admin has no ADMIN OPTION on readers");
    }

    @Test
    void upTo15ANonSuperuserMayGiveCreatedbButNeverReplicationOrBypassrls() {
        Permissions on15 = new Permissions(TargetProfile.GENERIC,
                target(V15, "cloud_admin", EnumSet.of(CREATEROLE, LOGIN, REPLICATION), Map.of()));
        Permissions on16 = new Permissions(TargetProfile.GENERIC,
                target(V16, "cloud_admin", EnumSet.of(CREATEROLE, LOGIN, REPLICATION), Map.of()));

        assertThat(on15.whyNot(CREATEDB)).isNull();
        assertThat(on15.whyNot(REPLICATION)).isNotNull();
        assertThat(on16.whyNot(CREATEDB)).isNotNull();
        assertThat(on16.whyNot(REPLICATION)).isNull();
        assertThat(on16.whyNot(BYPASSRLS)).isNotNull();
    }

    @Test
    void theConnectingUsersOwnAttributesAndPasswordAreNeverChanged() {
        TargetState live = target(V17, "app_admin", EnumSet.of(SUPERUSER, LOGIN), Map.of());
        RolePlan plan = plan(shop(), TargetProfile.GENERIC, live, RoleOptions.defaults());

        assertThat(sql(plan)).doesNotContain("ROLE app_admin");
        assertThat(plan.result().altered()).contains("app_admin");
        assertThat(plan.result().warnings()).anyMatch(w -> w.contains("app_admin is the target's connecting user"));
    }

    @Test
    void aScriptCreatesMissingRolesAltersTheRestAndLeavesTheSessionUserAlone() {
        RolePlan plan = plan(shop(), TargetProfile.GENERIC, null, RoleOptions.defaults());
        String owner = plan.statements().stream().map(RoleStatement::sql).filter(s -> s.contains("CREATE ROLE app_owner"))
                .findFirst().orElseThrow();

        assertThat(owner).startsWith("DO $pgshift$\n")
                .contains("IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = 'app_owner') THEN")
                .contains("IF current_user = 'app_owner' OR EXISTS")
                .contains("ALTER ROLE app_owner WITH NOSUPERUSER INHERIT")
                .contains("RAISE EXCEPTION USING ERRCODE = SQLSTATE")
                .endsWith("$pgshift$");
        assertThat(plan.result().scripted()).containsExactly("app_admin", "app_owner", "readers");
    }

    @Test
    void aScriptSetsPerDatabaseSettingsOnlyWhereTheDatabaseExistsWhenItRuns() {
        SourceRoles source = new SourceRoles(V12, shop().roles(), List.of(),
                List.of(new DatabaseRoleSetting("app_owner", "shop", List.of("statement_timeout=5s"))), List.of(), true,
                TargetProfile.GENERIC);
        RolePlan plan = plan(source, TargetProfile.GENERIC, null, RoleOptions.defaults());

        assertThat(sql(plan)).contains("IF EXISTS (SELECT FROM pg_catalog.pg_database WHERE datname = 'shop') THEN\n"
                + "        ALTER ROLE app_owner IN DATABASE shop SET statement_timeout TO '5s';");
        assertThat(plan.result().databaseSettings()).hasSize(1);
    }

    @Test
    void aLiveTargetGetsPerDatabaseSettingsOfExistingDatabasesAndTheRestWaits() {
        SourceRoles source = new SourceRoles(V12, shop().roles(), List.of(), List.of(
                new DatabaseRoleSetting("app_owner", "shop", List.of("statement_timeout=5s")),
                new DatabaseRoleSetting("app_owner", "reports", List.of("work_mem=64MB"))), List.of(), true,
                TargetProfile.GENERIC);
        TargetState live = target(V17, "postgres", EnumSet.of(SUPERUSER, LOGIN), Map.of());

        RolePlan now = plan(source, TargetProfile.GENERIC, live, RoleOptions.defaults());
        assertThat(sql(now)).contains("ALTER ROLE app_owner IN DATABASE shop SET statement_timeout TO '5s'")
                .doesNotContain("reports");
        assertThat(now.result().pendingDatabaseSettings()).extracting(DatabaseRoleSetting::database)
                .containsExactly("reports");

        RolePlan later = plan(source, TargetProfile.GENERIC, live, RoleOptions.defaults().withDatabaseSettings(false));
        assertThat(sql(later)).doesNotContain("IN DATABASE");
        assertThat(later.result().pendingDatabaseSettings()).hasSize(2);
    }

    @Test
    void withoutReadablePasswordsEveryNewLoginRoleIsListedAsNeedingOne() {
        SourceRoles hidden = new SourceRoles(V12, List.of(role("app_owner", EnumSet.of(LOGIN), null),
                role("readers", Set.of(), null)), List.of(), List.of(), List.of(), false, TargetProfile.GENERIC);
        TargetState live = target(V17, "postgres", EnumSet.of(SUPERUSER, LOGIN), Map.of());
        RolePlan plan = plan(hidden, TargetProfile.GENERIC, live, RoleOptions.defaults());

        assertThat(sql(plan)).doesNotContain("PASSWORD");
        assertThat(plan.result().rolesNeedingPassword()).containsExactly("app_owner");
        assertThat(plan.result().warnings()).anyMatch(w -> w.contains("cannot read pg_authid"));
    }

    @Test
    void noRolePasswordsLeavesThemOutAndListsTheLoginRolesThatHadOne() {
        RolePlan plan = plan(shop(), TargetProfile.GENERIC, null, RoleOptions.defaults().withNoPasswords(true));

        assertThat(sql(plan)).doesNotContain("PASSWORD");
        assertThat(plan.result().rolesNeedingPassword()).containsExactly("app_admin", "app_owner");
    }

    @Test
    void md5VerifiersAreCopiedWithAWarning() {
        SourceRoles old = source(new ServerVersion(90624), List.of(role("legacy", EnumSet.of(LOGIN), MD5)), List.of());
        RolePlan plan = plan(old, TargetProfile.GENERIC, null, RoleOptions.defaults());

        assertThat(sql(plan)).contains("PASSWORD '" + MD5 + "'");
        assertThat(plan.result().warnings()).anyMatch(w -> w.contains("md5") && w.endsWith(": legacy"));
    }

    @Test
    void from16TheGrantOptionsAndGrantorAreWrittenAndARoleMapRedirectsThem() {
        SourceRoles src = source(V16, List.of(role("src_admin", EnumSet.of(CREATEROLE, LOGIN), null),
                        role("team", Set.of(), null), role("dev", EnumSet.of(LOGIN), null)),
                List.of(new Membership("team", "src_admin", null, true, false, false),
                        new Membership("team", "dev", "src_admin", false, false, true)));
        Map<String, TargetState.TargetRole> existing = Map.of(
                "tgt_admin", new TargetState.TargetRole("tgt_admin", EnumSet.of(CREATEROLE, LOGIN), true));
        TargetState live = target(V17, "postgres", EnumSet.of(SUPERUSER, LOGIN), existing);
        RolePlan plan = plan(src, TargetProfile.GENERIC, live,
                RoleOptions.defaults().withRoleMap(Map.of("src_admin", "tgt_admin")));

        assertThat(plan.statements()).extracting(RoleStatement::sql).contains(
                "GRANT team TO tgt_admin WITH ADMIN TRUE, INHERIT FALSE, SET FALSE",
                "GRANT team TO dev WITH ADMIN FALSE, INHERIT FALSE, SET TRUE GRANTED BY tgt_admin");
        assertThat(sql(plan)).doesNotContain("src_admin");
        assertThat(plan.result().skipped()).extracting(RoleMigrationResult.RoleOutcome::action)
                .containsExactly(Action.SKIPPED);
        RoleStatement granted = plan.statements().stream().filter(s -> s.sql().contains("GRANTED BY")).findFirst()
                .orElseThrow();
        assertThat(granted.onFailure().instead().sql()).isEqualTo("GRANT team TO dev WITH ADMIN FALSE, INHERIT FALSE, SET TRUE");
    }

    @Test
    void aRoleMapToARoleTheTargetLacksIsAUsageError() {
        TargetState live = target(V17, "postgres", EnumSet.of(SUPERUSER, LOGIN), Map.of());
        assertThatThrownBy(() -> plan(shop(), TargetProfile.GENERIC, live,
                RoleOptions.defaults().withRoleMap(Map.of("app_admin", "nobody")))).isInstanceOf(PgShiftException.class)
                .hasMessageContaining("role nobody exists neither on the target");
    }

    @Test
    void providerRolesOfTheSourceAndOfTheTargetProfileStayBehind() {
        SourceRoles azure = new SourceRoles(V12, List.of(role("azure_pg_admin", Set.of(), null),
                role("azuresu", EnumSet.of(SUPERUSER), null), role("rds_superuser", Set.of(), null),
                role("app", EnumSet.of(LOGIN), null)),
                List.of(new Membership("azure_pg_admin", "app", null, false, null, null)), List.of(), List.of(), true,
                TargetProfile.AZURE);
        RolePlan plan = plan(azure, TargetProfile.RDS, null, RoleOptions.defaults());

        assertThat(plan.result().scripted()).containsExactly("app");
        assertThat(plan.result().skipped()).extracting(RoleMigrationResult.RoleOutcome::role)
                .containsExactly("azure_pg_admin", "azuresu", "rds_superuser");
        assertThat(plan.result().warnings()).anyMatch(w -> w.startsWith("membership of app in azure_pg_admin left out"));
    }

    @Test
    void aNonSuperuserMaySetOnlyTheParametersItIsAllowedTo() {
        Role owner = new Role("app_owner", false, EnumSet.of(LOGIN), -1, null, null, null,
                List.of("work_mem=16MB", "log_statement=all", "no_such_thing=1", "myext.flag=on"));
        TargetState live = target(V17, "cloud_admin", EnumSet.of(CREATEROLE, LOGIN), Map.of());
        RolePlan plan = plan(source(V12, List.of(owner), List.of()), TargetProfile.GENERIC, live, RoleOptions.defaults());

        assertThat(sql(plan)).contains("SET work_mem TO '16MB'").contains("SET \"myext.flag\" TO 'on'")
                .doesNotContain("log_statement").doesNotContain("no_such_thing");
        assertThat(plan.result().warnings()).contains(
                "setting log_statement of role app_owner left out: the target user cloud_admin may not set log_statement",
                "setting no_such_thing of role app_owner left out: PostgreSQL 17 has no parameter no_such_thing");
    }

    @Test
    void aTargetUserThatCannotCreateRolesIsRefusedBeforeAnythingIsWritten() {
        TargetState live = target(V17, "app", EnumSet.of(LOGIN), Map.of());
        assertThatThrownBy(() -> plan(shop(), TargetProfile.GENERIC, live, RoleOptions.defaults()))
                .isInstanceOf(PgShiftException.class).hasMessageContaining("neither a superuser nor has CREATEROLE");
    }

    @Test
    void parameterPrivilegesAreGrantedToTheMappedRoleOrPublic() {
        SourceRoles src = new SourceRoles(V16, List.of(role("ops", Set.of(), null)), List.of(), List.of(), List.of(
                new ParameterGrant("work_mem", "ops", List.of("SET", "ALTER SYSTEM"), false),
                new ParameterGrant("plpgsql.extra_warnings", null, List.of("SET"), true)), true, TargetProfile.GENERIC);
        RolePlan plan = plan(src, TargetProfile.GENERIC, null, RoleOptions.defaults());

        assertThat(plan.statements()).extracting(RoleStatement::sql).contains(
                "GRANT SET, ALTER SYSTEM ON PARAMETER work_mem TO ops",
                "GRANT SET ON PARAMETER \"plpgsql.extra_warnings\" TO PUBLIC WITH GRANT OPTION");
        assertThat(plan.result().parameterPrivileges()).isEqualTo(2);
    }
}
