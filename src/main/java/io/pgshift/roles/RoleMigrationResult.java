package io.pgshift.roles;

import java.util.List;

/**
 * What a role migration did, or with a dry run would do. It never holds a password or verifier: the statements
 * are shown with PASSWORD '********'.
 *
 * @param targetVersion           the target's major version; null for a script
 * @param profile                 the profile applied (AUTO resolved)
 * @param script                  the statements were written to a script rather than run on a target
 * @param roles                   every source role and what happened to it
 * @param leftOut                 attributes and grant details the target did not take, per role
 * @param rolesNeedingPassword    LOGIN roles that reach the target without the password they had
 * @param warnings                everything else the user should know, one line each
 * @param memberships             memberships granted (or written)
 * @param settings                per-role settings set, per-database ones included
 * @param databaseSettings        every per-database role setting of the migrated roles
 * @param pendingDatabaseSettings the per-database role settings not applied yet, because their database does not
 *                                exist on the target (or the caller asked to apply them later)
 * @param statements              the statements, passwords masked
 */
public record RoleMigrationResult(String sourceVersion, String targetVersion, TargetProfile profile, boolean script,
                                  boolean dryRun, List<RoleOutcome> roles, List<LeftOut> leftOut,
                                  List<String> rolesNeedingPassword, List<String> warnings, int memberships,
                                  int settings, int comments, int parameterPrivileges,
                                  List<DatabaseRoleSetting> databaseSettings,
                                  List<DatabaseRoleSetting> pendingDatabaseSettings, List<String> statements) {
    public RoleMigrationResult {
        roles = List.copyOf(roles);
        leftOut = List.copyOf(leftOut);
        rolesNeedingPassword = List.copyOf(rolesNeedingPassword);
        warnings = List.copyOf(warnings);
        databaseSettings = List.copyOf(databaseSettings);
        pendingDatabaseSettings = List.copyOf(pendingDatabaseSettings);
        statements = List.copyOf(statements);
    }

    public enum Action {
        /** CREATE ROLE on the target. */
        CREATED,
        /** The role existed on the target: ALTER ROLE. */
        ALTERED,
        /** Written to a script that creates the role if it is missing and alters it either way. */
        SCRIPTED,
        /** Not migrated; the reason says why. */
        SKIPPED
    }

    /** @param reason why a role was skipped, or a note on a migrated one; null when there is nothing to say */
    public record RoleOutcome(String role, Action action, String reason) {
    }

    /** @param what an attribute keyword (SUPERUSER, NOBYPASSRLS, ...) or a grant detail (GRANTED BY x on ...) */
    public record LeftOut(String role, String what, String reason) {
    }

    public List<String> created() {
        return names(Action.CREATED);
    }

    public List<String> altered() {
        return names(Action.ALTERED);
    }

    public List<String> scripted() {
        return names(Action.SCRIPTED);
    }

    public List<RoleOutcome> skipped() {
        return roles.stream().filter(r -> r.action() == Action.SKIPPED).toList();
    }

    private List<String> names(Action action) {
        return roles.stream().filter(r -> r.action() == action).map(RoleOutcome::role).toList();
    }

    /** The same result with warnings the run itself added (statements that failed and were left out). */
    RoleMigrationResult withWarnings(List<String> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<String> all = new java.util.ArrayList<>(warnings);
        all.addAll(more);
        return new RoleMigrationResult(sourceVersion, targetVersion, profile, script, dryRun, roles, leftOut,
                rolesNeedingPassword, all, memberships, settings, comments, parameterPrivileges, databaseSettings,
                pendingDatabaseSettings, statements);
    }
}
