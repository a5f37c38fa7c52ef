package io.pgshift.roles;

import java.util.LinkedHashMap;
import java.util.Map;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * How roles move.
 *
 * @param profile           the kind of target; AUTO detects it
 * @param roleMap           source role names whose memberships, grantors and parameter privileges go to another role
 *                          of the target (the source's admin onto the target's); the mapped roles are not created
 * @param noPasswords       leave passwords out, as pg_dumpall --no-role-passwords
 * @param dryRun            plan and return the statements without running or writing them
 * @param databaseSettings  apply per-database role settings now, for the databases that already exist on the target;
 *                          false leaves all of them to {@link RoleMigration#applyDatabaseSettings} (the upgrade
 *                          command applies them once it created the databases)
 */
public record RoleOptions(TargetProfile profile, Map<String, String> roleMap, boolean noPasswords, boolean dryRun,
                          boolean databaseSettings) {
    public RoleOptions {
        roleMap = Map.copyOf(roleMap);
        for (Map.Entry<String, String> e : roleMap.entrySet()) {
            if (e.getKey().isEmpty() || e.getValue().isEmpty() || e.getKey().equals(e.getValue())) {
                throw new PgShiftException(ErrorCode.USAGE, "--role-map " + e.getKey() + "=" + e.getValue()
                        + ": give two different, non-empty role names, old=new");
            }
        }
    }

    /** Auto-detected profile, no mapping, passwords included, per-database settings applied now. */
    public static RoleOptions defaults() {
        return new RoleOptions(TargetProfile.AUTO, Map.of(), false, false, true);
    }

    public RoleOptions withProfile(TargetProfile profile) {
        return new RoleOptions(profile, roleMap, noPasswords, dryRun, databaseSettings);
    }

    public RoleOptions withRoleMap(Map<String, String> map) {
        return new RoleOptions(profile, map, noPasswords, dryRun, databaseSettings);
    }

    public RoleOptions withNoPasswords(boolean noPasswords) {
        return new RoleOptions(profile, roleMap, noPasswords, dryRun, databaseSettings);
    }

    public RoleOptions withDryRun(boolean dryRun) {
        return new RoleOptions(profile, roleMap, noPasswords, dryRun, databaseSettings);
    }

    public RoleOptions withDatabaseSettings(boolean databaseSettings) {
        return new RoleOptions(profile, roleMap, noPasswords, dryRun, databaseSettings);
    }

    /** {@code old=new} pairs from the command line, in order; a name given twice is a usage error. */
    public static Map<String, String> parseRoleMap(Iterable<String> pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new PgShiftException(ErrorCode.USAGE, "--role-map " + pair + ": expected old=new");
            }
            if (map.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
                throw new PgShiftException(ErrorCode.USAGE, "--role-map names " + pair.substring(0, eq) + " twice");
            }
        }
        return map;
    }
}
