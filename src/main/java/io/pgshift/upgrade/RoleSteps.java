package io.pgshift.upgrade;

import java.util.ArrayList;
import java.util.List;

import io.pgshift.sql.Sql;
import io.pgshift.roles.DatabaseRoleSetting;
import io.pgshift.roles.RoleMigration;
import io.pgshift.roles.RoleMigrationResult;

/**
 * The roles of {@code pgshift roles}, before the databases (which name their owners and grantees), and the
 * settings of a role in one database ({@code ALTER ROLE ... IN DATABASE ... SET}) once the databases exist.
 */
final class RoleSteps {
    static final String ROLE_WARNING = "PGS-ROLE-WARNING";
    static final String ROLE_NEEDS_PASSWORD = "PGS-ROLE-NEEDS-PASSWORD";
    static final String ROLE_LEFT_OUT = "PGS-ROLE-LEFT-OUT";
    static final String ROLE_SKIPPED = "PGS-ROLE-SKIPPED";
    static final String ROLE_SETTING_NOT_APPLIED = "PGS-ROLE-SETTING-NOT-APPLIED";

    private final UpgradeOptions options;
    /** Read with the roles, applied after the databases. */
    private List<DatabaseRoleSetting> databaseSettings = List.of();

    RoleSteps(UpgradeOptions options) {
        this.options = options;
    }

    StepOutcome migrate() {
        RoleMigrationResult r = RoleMigration.run(options.source(), options.target(),
                options.roles().withDatabaseSettings(false));
        databaseSettings = r.pendingDatabaseSettings();
        List<Finding> findings = new ArrayList<>();
        r.warnings().forEach(w -> findings.add(finding(Severity.WARNING, ROLE_WARNING, null, w)));
        for (String role : r.rolesNeedingPassword()) {
            findings.add(finding(Severity.WARNING, ROLE_NEEDS_PASSWORD, null, "role " + role + " can log in but "
                    + "reached the target without its password; set it with: ALTER ROLE " + Sql.ident(role)
                    + " PASSWORD 'new password' (or \\password " + Sql.ident(role) + " in psql, which sends no "
                    + "clear text)"));
        }
        for (RoleMigrationResult.LeftOut l : r.leftOut()) {
            findings.add(finding(Severity.INFO, ROLE_LEFT_OUT, null, "role " + l.role() + ": " + l.what()
                    + " left out: " + l.reason()));
        }
        for (RoleMigrationResult.RoleOutcome s : r.skipped()) {
            findings.add(finding(Severity.INFO, ROLE_SKIPPED, null, "role " + s.role() + " not migrated: " + s.reason()));
        }
        return new StepOutcome("profile " + r.profile().label() + (options.roles().profile()
                == io.pgshift.roles.TargetProfile.AUTO ? " (detected)" : "") + "; " + r.created().size() + " roles created, " + r.altered().size() + " altered, "
                + r.skipped().size() + " skipped; " + r.memberships() + " memberships", findings);
    }

    /** Only for the migrated databases: a setting in the target's template1, say, would change the target's own. */
    StepOutcome applyDatabaseSettings(List<String> migrated) {
        List<DatabaseRoleSetting> wanted = databaseSettings.stream().filter(s -> migrated.contains(s.database()))
                .toList();
        RoleMigration.DatabaseSettingsResult r = RoleMigration.applyDatabaseSettings(options.target(), wanted);
        List<Finding> findings = new ArrayList<>();
        r.warnings().forEach(w -> findings.add(new Finding(Step.ROLE_SETTINGS, Severity.WARNING, ROLE_WARNING, null, w)));
        for (DatabaseRoleSetting s : databaseSettings) {
            if (!wanted.contains(s) || r.pending().contains(s)) {
                findings.add(new Finding(Step.ROLE_SETTINGS, Severity.INFO, ROLE_SETTING_NOT_APPLIED, s.database(),
                        "settings of role " + s.role() + " in database " + s.database() + " (" + String.join(", ",
                                s.settings()) + ") not applied: the database was not migrated"));
            }
        }
        return new StepOutcome(r.applied() + " settings applied", findings);
    }

    private static Finding finding(Severity severity, String code, String database, String message) {
        return new Finding(Step.ROLES, severity, code, database, message);
    }
}
