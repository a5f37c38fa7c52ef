package io.pgshift.upgrade;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pgshift.catalog.CatalogFilter;
import io.pgshift.catalog.NamePattern;
import io.pgshift.connect.ConnInfo;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.online.OnlineChoice;
import io.pgshift.roles.RoleOptions;

/**
 * What {@code pgshift upgrade} was asked to do.
 *
 * @param source           the old server; the database it names, if any, is only where server-wide reads start
 * @param target           the new server, likewise
 * @param jobs             copiers shared by the databases copied at once; also ANALYZE and verification sessions
 * @param databases        only these databases; empty for every one
 * @param excludeDatabases never these
 * @param ddl              owners, privileges and tablespaces left out, as for copy
 * @param filter           copy's object selection, applied in every database
 * @param clean            replace the source's objects in target databases that already hold them
 * @param analyze          ANALYZE the migrated databases
 * @param analyzeInStages  in three stages, statistics targets 1, 10, then the default, as vacuumdb
 *                         --analyze-in-stages, so the applications can come back after the first
 * @param verify           compare every migrated database with its source
 * @param roles            how roles move: the target profile, the role map, passwords or not
 * @param keepRoleGrants   keep the memberships a target user that is not a superuser granted itself in the roles
 *                         that own the source's objects, instead of taking them back when the upgrade ends
 * @param ignoreCheckErrors go ahead although the pre-flight check found errors: the user's explicit override
 * @param settingsScript   where the settings step writes the statements that carry the source's configuration to
 *                         the target (as compare settings --script); null for none
 * @param online           how the databases are copied online, or null for an offline upgrade
 * @param resume           go on with an interrupted upgrade: the databases it copied stay, the one it was copying is
 *                         resumed, the rest are copied
 * @param stateDirectory   where the upgrade's and its copies' resume logs are kept; null for the default
 */
public record UpgradeOptions(ConnInfo source, ConnInfo target, int jobs, List<String> databases,
                             List<String> excludeDatabases, DdlOptions ddl, CatalogFilter filter, boolean clean,
                             boolean analyze, boolean analyzeInStages, boolean verify, RoleOptions roles,
                             boolean keepRoleGrants, boolean ignoreCheckErrors, Path settingsScript,
                             OnlineChoice online, boolean resume, Path stateDirectory) {

    static final String MASK = "********";

    public UpgradeOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        databases = List.copyOf(databases);
        excludeDatabases = List.copyOf(excludeDatabases);
        if (resume && clean) {
            throw new IllegalArgumentException("--resume goes on with an interrupted upgrade, --clean starts over");
        }
    }

    /** Without a settings script. */
    public UpgradeOptions(ConnInfo source, ConnInfo target, int jobs, List<String> databases,
                          List<String> excludeDatabases, DdlOptions ddl, CatalogFilter filter, boolean clean,
                          boolean analyze, boolean analyzeInStages, boolean verify, RoleOptions roles,
                          boolean keepRoleGrants, boolean ignoreCheckErrors) {
        this(source, target, jobs, databases, excludeDatabases, ddl, filter, clean, analyze, analyzeInStages, verify,
                roles, keepRoleGrants, ignoreCheckErrors, null, null, false, null);
    }

    /** Offline, with a settings script or none. */
    public UpgradeOptions(ConnInfo source, ConnInfo target, int jobs, List<String> databases,
                          List<String> excludeDatabases, DdlOptions ddl, CatalogFilter filter, boolean clean,
                          boolean analyze, boolean analyzeInStages, boolean verify, RoleOptions roles,
                          boolean keepRoleGrants, boolean ignoreCheckErrors, Path settingsScript) {
        this(source, target, jobs, databases, excludeDatabases, ddl, filter, clean, analyze, analyzeInStages, verify,
                roles, keepRoleGrants, ignoreCheckErrors, settingsScript, null, false, null);
    }

    /** Online, or resuming an interrupted upgrade, with its state kept where given. */
    public UpgradeOptions(ConnInfo source, ConnInfo target, int jobs, List<String> databases,
                          List<String> excludeDatabases, DdlOptions ddl, CatalogFilter filter, boolean clean,
                          boolean analyze, boolean analyzeInStages, boolean verify, RoleOptions roles,
                          boolean keepRoleGrants, boolean ignoreCheckErrors, Path settingsScript, OnlineChoice online) {
        this(source, target, jobs, databases, excludeDatabases, ddl, filter, clean, analyze, analyzeInStages, verify,
                roles, keepRoleGrants, ignoreCheckErrors, settingsScript, online, false, null);
    }

    public UpgradeOptions withResume(boolean resumeIt, Path directory) {
        return new UpgradeOptions(source, target, jobs, databases, excludeDatabases, ddl, filter, clean, analyze,
                analyzeInStages, verify, roles, keepRoleGrants, ignoreCheckErrors, settingsScript, online, resumeIt,
                directory);
    }

    /** For the report: connections as user@host/db with any password masked, everything else as given. */
    public Map<String, Object> effective() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("source", connection(source));
        m.put("target", connection(target));
        m.put("jobs", jobs);
        m.put("databases", databases);
        m.put("excludeDatabases", excludeDatabases);
        m.put("noOwner", ddl.noOwner());
        m.put("noAcl", ddl.noAcl());
        m.put("noTablespaces", ddl.noTablespaces());
        m.put("schemas", patterns(filter.schemas()));
        m.put("excludeSchemas", patterns(filter.excludeSchemas()));
        m.put("tables", patterns(filter.tables()));
        m.put("excludeTables", patterns(filter.excludeTables()));
        m.put("excludeTableData", patterns(filter.excludeTableData()));
        m.put("clean", clean);
        m.put("resume", resume);
        m.put("analyze", analyze);
        m.put("analyzeInStages", analyzeInStages);
        m.put("verify", verify);
        m.put("online", online != null);
        m.put("targetProfile", roles.profile().label());
        m.put("roleMap", roles.roleMap());
        m.put("noRolePasswords", roles.noPasswords());
        m.put("keepRoleGrants", keepRoleGrants);
        m.put("ignoreCheckErrors", ignoreCheckErrors);
        m.put("settingsScript", settingsScript == null ? null : settingsScript.toString());
        return m;
    }

    /** Whether the copies differ from their sources by request: owners, privileges or objects left out. */
    boolean narrowed() {
        return ddl.noOwner() || ddl.noAcl() || ddl.noTablespaces() || !filter.isEmpty();
    }

    private static Map<String, String> connection(ConnInfo conn) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("server", conn.describe());
        m.put("password", conn.password().isPresent() ? MASK : null);
        return m;
    }

    private static List<String> patterns(List<NamePattern> patterns) {
        return patterns.stream().map(NamePattern::toString).toList();
    }
}
