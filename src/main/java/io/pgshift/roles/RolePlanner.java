package io.pgshift.roles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.roles.RoleMigrationResult.Action;
import io.pgshift.roles.RoleMigrationResult.LeftOut;
import io.pgshift.roles.RoleMigrationResult.RoleOutcome;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.literal;

/**
 * Decides, for every source role, membership, setting and parameter privilege, what the target gets, and writes
 * the statements: roles first (so a member's INHERIT attribute is in place before its grants), then comments and
 * settings, memberships, per-database settings and parameter privileges. It reads nothing and runs nothing.
 */
final class RolePlanner {
    private final SourceRoles source;
    private final PlanTarget target;
    private final TargetState live;
    private final RoleOptions options;
    private final Permissions permissions;

    private final List<RoleStatement> statements = new ArrayList<>();
    private final Map<String, RoleOutcome> outcomes = new LinkedHashMap<>();
    private final Map<String, String> skipReasons = new LinkedHashMap<>();
    private final Set<String> migrated = new HashSet<>();
    private final Set<String> created = new HashSet<>();
    private final List<LeftOut> leftOut = new ArrayList<>();
    private final List<String> needPassword = new ArrayList<>();
    private final List<String> md5 = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();
    private final List<DatabaseRoleSetting> databaseSettings = new ArrayList<>();
    private final List<DatabaseRoleSetting> pending = new ArrayList<>();
    private final Set<String> grants = new HashSet<>();
    private int memberships;
    private int settings;
    private int comments;
    private int parameterPrivileges;

    private RolePlanner(SourceRoles source, PlanTarget target, RoleOptions options) {
        this.source = source;
        this.target = target;
        this.live = target.live();
        this.options = options;
        this.permissions = new Permissions(target.profile(), live);
    }

    /**
     * @param notes warnings the caller already has (an undetectable profile, say), reported first
     * @throws PgShiftException MIGRATION_FAILED when the target user cannot create roles at all, USAGE for a
     *                          --role-map whose new name exists nowhere
     */
    static RolePlan plan(SourceRoles source, PlanTarget target, RoleOptions options, List<String> notes) {
        RolePlanner planner = new RolePlanner(source, target, options);
        planner.warnings.addAll(notes);
        return planner.plan();
    }

    private RolePlan plan() {
        String refusal = permissions.whyNotCreateRoles();
        if (refusal != null) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, refusal + ", so it cannot create or alter roles; "
                    + "nothing was changed");
        }
        decide();
        checkRoleMap();
        for (Role role : source.roles()) {
            if (migrated.contains(role.name())) {
                define(role);
            }
        }
        for (Role role : source.roles()) {
            if (migrated.contains(role.name())) {
                commentAndSettings(role);
            }
        }
        source.memberships().forEach(this::membership);
        source.databaseSettings().forEach(this::databaseSetting);
        source.parameterGrants().forEach(this::parameterGrant);
        passwordWarnings();
        RoleMigrationResult result = new RoleMigrationResult(source.version().major(),
                live == null ? null : live.version().major(), target.profile(), target.script(), options.dryRun(),
                List.copyOf(outcomes.values()), leftOut, needPassword, warnings, memberships, settings, comments,
                parameterPrivileges, databaseSettings, pending, statements.stream().map(RoleStatement::display).toList());
        return new RolePlan(statements, result);
    }

    /** Which roles move. A role the target has and the connecting user may not alter stays as it is. */
    private void decide() {
        for (Role role : source.roles()) {
            String reason = skipReason(role);
            TargetState.TargetRole existing = live == null ? null : live.roles().get(role.name());
            if (reason == null && existing != null && !role.name().equals(live.currentUser())) {
                String why = permissions.whyNotAlter(existing);
                reason = why == null ? null : "it exists on the target, and " + why;
            }
            if (reason != null) {
                skipReasons.put(role.name(), reason);
                outcomes.put(role.name(), new RoleOutcome(role.name(), Action.SKIPPED, reason));
            } else {
                outcomes.put(role.name(), null);
                migrated.add(role.name());
                if (live != null && existing == null) {
                    created.add(role.name());
                }
            }
        }
    }

    private String skipReason(Role role) {
        String name = role.name();
        if (role.bootstrap() && (live == null || live.roles().containsKey(name) || source.provider().ownsRole(name))) {
            return "the source's bootstrap superuser; the target has its own";
        }
        if (options.roleMap().containsKey(name)) {
            return "mapped to " + options.roleMap().get(name) + " by --role-map";
        }
        if (source.provider().ownsRole(name)) {
            return "a role of the " + source.provider().label() + " service the source runs on";
        }
        if (target.profile().ownsRole(name)) {
            return "a role of the " + target.profile().label() + " service";
        }
        if (live != null && name.equals(live.bootstrapName())) {
            return "the target's bootstrap superuser";
        }
        return null;
    }

    private void checkRoleMap() {
        Set<String> sourceNames = new HashSet<>(source.roles().stream().map(Role::name).toList());
        options.roleMap().forEach((from, to) -> {
            if (!sourceNames.contains(from)) {
                warnings.add("--role-map " + from + "=" + to + ": the source has no role " + from);
            }
            if (live != null && !live.roles().containsKey(to) && !migrated.contains(to)) {
                throw new PgShiftException(ErrorCode.USAGE, "--role-map " + from + "=" + to + ": role " + to
                        + " exists neither on the target nor among the roles migrated; nothing was changed");
            }
        });
    }

    private void define(Role role) {
        String name = role.name();
        if (role.bootstrap()) {
            // The objects it owns keep their owner by name, as everywhere else. Its powers stay behind, and so
            // does its login: the source's superuser password must not open a door on the new server.
            warnings.add("role " + name + ", the source's bootstrap superuser, is created on the target as a role "
                    + "that cannot log in, since the target has no role of that name: the objects it owns keep it "
                    + "as their owner (REASSIGN OWNED BY " + ident(name) + " TO ... moves them later)");
            role = role.asOwnerOnly();
            leftOut.add(new LeftOut(name, "LOGIN and its password", "the source's bootstrap superuser is "
                    + "re-created only to own its objects"));
        }
        TargetState.TargetRole existing = live == null ? null : live.roles().get(name);
        if (live != null && name.equals(live.currentUser())) {
            // Changing the connecting user's own attributes or password could end its powers mid-run.
            outcomes.put(name, new RoleOutcome(name, Action.ALTERED,
                    "the target's connecting user: attributes and password left as they are"));
            warnings.add("role " + name + " is the target's connecting user: its attributes and password were left "
                    + "as they are");
            return;
        }
        List<String> words = new ArrayList<>();
        for (Attribute a : Attribute.values()) {
            boolean wanted = role.has(a);
            String why = permissions.whyNot(a);
            if (why == null) {
                words.add(a.keyword(wanted));
            } else if (wanted != (existing != null ? existing.has(a) : a.defaultValue())) {
                leftOut.add(new LeftOut(name, a.keyword(wanted), why));
            }
        }
        words.add("CONNECTION LIMIT " + role.connectionLimit());
        if (role.validUntil() != null) {
            words.add("VALID UNTIL " + literal(role.validUntil()));
        }
        Verifier password = options.noPasswords() ? null : role.password();
        if (password != null && password.isMd5()) {
            md5.add(name);
        }
        boolean hadPassword = !source.passwordsReadable() || role.password() != null;
        if (role.has(Attribute.LOGIN) && password == null && hadPassword && existing == null) {
            needPassword.add(name);
        }
        String sql;
        String display;
        Action action;
        if (live == null) {
            sql = RoleSql.scriptDefinition(name, RoleSql.clauses(words, password, true));
            display = RoleSql.scriptDefinition(name, RoleSql.clauses(words, password, false));
            action = Action.SCRIPTED;
        } else if (existing != null) {
            sql = RoleSql.alter(name, RoleSql.clauses(words, password, true));
            display = RoleSql.alter(name, RoleSql.clauses(words, password, false));
            action = Action.ALTERED;
        } else {
            sql = RoleSql.create(name, RoleSql.clauses(words, password, true));
            display = RoleSql.create(name, RoleSql.clauses(words, password, false));
            action = Action.CREATED;
        }
        String verb = action == Action.CREATED ? "create" : action == Action.ALTERED ? "alter" : "write";
        statements.add(new RoleStatement(sql, display, verb + " role " + name, null));
        outcomes.put(name, new RoleOutcome(name, action, null));
    }

    private void commentAndSettings(Role role) {
        if (role.comment() != null) {
            statements.add(RoleStatement.of(RoleSql.comment(role.name(), role.comment()),
                    "comment on role " + role.name()));
            comments++;
        }
        for (String setting : role.settings()) {
            setting(role.name(), null, setting);
        }
    }

    /** A per-role setting; on a live target one the server refuses is reported and left out, not fatal. */
    private void setting(String role, String database, String nameEqualsValue) {
        String parameter = nameEqualsValue.substring(0, Math.max(0, nameEqualsValue.indexOf('=')));
        String what = "setting " + parameter + " of role " + role + (database == null ? "" : " in database " + database);
        String why = permissions.whyNotSet(parameter);
        if (why != null) {
            warnings.add(what + " left out: " + why);
            return;
        }
        RoleStatement statement = RoleStatement.of(RoleSql.setting(role, database, nameEqualsValue), "set " + what);
        statements.add(live == null ? statement : statement.orElse(null, what + " left out"));
        settings++;
    }

    private void membership(Membership m) {
        String role = mapped(m.role());
        String member = mapped(m.member());
        if (role.equals(member)) {
            return;
        }
        if (serviceRole(m.member())
                || serviceRole(m.role()) && live != null && m.member().equals(live.currentUser())) {
            return; // the managed service's own memberships, and its admin's: the target's service has its own
        }
        String what = "membership of " + member + " in " + role;
        String missing = unavailable(role);
        if (missing == null) {
            missing = unavailable(member);
        }
        if (missing == null) {
            missing = permissions.whyNotGrant(role, created.contains(role));
        }
        if (missing != null) {
            warnings.add(what + " left out: " + missing);
            return;
        }
        String grantor = m.grantor() == null ? null : mapped(m.grantor());
        if (grantor != null && live != null && grantor.equals(live.bootstrapName())) {
            grantor = null; // a superuser's grant is recorded as the bootstrap superuser's anyway
        }
        if (grantor != null) {
            String why = unavailable(grantor);
            if (why == null) {
                why = permissions.whyNotGrantedBy(grantor);
            }
            if (why != null) {
                leftOut.add(new LeftOut(member, "GRANTED BY " + grantor + " on the membership in " + role, why));
                grantor = null;
            }
        }
        Membership renamed = m.withNames(role, member, grantor);
        String sql = RoleSql.grant(renamed, grantor);
        if (!grants.add(sql)) {
            return;
        }
        RoleStatement statement = RoleStatement.of(sql, "grant " + role + " to " + member);
        if (live != null) {
            // The target may refuse a membership its own grants make circular, say: that one is reported, the
            // rest goes on.
            RoleStatement plain = RoleStatement.of(RoleSql.grant(renamed, null), "grant " + role + " to " + member)
                    .orElse(null, what + " left out");
            // From 16 on the grantor must hold ADMIN OPTION on the role; should it not on the target, the
            // membership still matters more than who is recorded as its grantor.
            statement = grantor == null ? plain
                    : statement.orElse(plain, "GRANTED BY " + grantor + " left out of the " + what);
        }
        statements.add(statement);
        memberships++;
    }

    private void databaseSetting(DatabaseRoleSetting s) {
        if (!migrated.contains(s.role())) {
            return; // the settings of a role that stays behind (or is mapped) stay behind with it
        }
        databaseSettings.add(s);
        if (live == null) {
            statements.add(RoleStatement.of(RoleSql.scriptDatabaseSettings(s),
                    "set the settings of role " + s.role() + " in database " + s.database()));
            settings += s.settings().size();
        } else if (options.databaseSettings() && live.databases().contains(s.database())) {
            s.settings().forEach(setting -> setting(s.role(), s.database(), setting));
        } else {
            pending.add(s);
        }
    }

    private void parameterGrant(ParameterGrant g) {
        String grantee = g.grantee() == null ? null : mapped(g.grantee());
        String what = "privilege on parameter " + g.parameter() + " for " + (grantee == null ? "PUBLIC" : grantee);
        String missing = grantee == null ? null : unavailable(grantee);
        if (missing != null) {
            warnings.add(what + " left out: " + missing);
            return;
        }
        RoleStatement statement = RoleStatement.of(RoleSql.grantParameter(g.withGrantee(grantee)), "grant " + what);
        statements.add(live == null ? statement : statement.orElse(null, what + " left out"));
        parameterPrivileges++;
    }

    /** A role that a managed service owns, on the source or on the target. */
    private boolean serviceRole(String role) {
        return source.provider().ownsRole(role) || target.profile().ownsRole(role);
    }

    private String mapped(String role) {
        return options.roleMap().getOrDefault(role, role);
    }

    /** Why a role named in a grant will not be on the target, or null when it will. */
    private String unavailable(String role) {
        if (migrated.contains(role)) {
            return null;
        }
        if (live != null && role.equals(live.bootstrapName())) {
            return "role " + role + " is the target's bootstrap superuser, which pgshift leaves alone";
        }
        if (live != null ? live.roles().containsKey(role)
                : role.startsWith("pg_") || options.roleMap().containsValue(role)) {
            return null;
        }
        String reason = skipReasons.get(role);
        return reason != null ? "role " + role + " is not migrated (" + reason + ")"
                : "role " + role + " does not exist on the target";
    }

    private void passwordWarnings() {
        if (!source.passwordsReadable()) {
            warnings.add("the source user cannot read pg_authid (a managed service, or not a superuser), so passwords "
                    + "could not be copied: roles were migrated without them");
        }
        if (!md5.isEmpty()) {
            warnings.add("roles with md5 password hashes, which scram-sha-256 lines in pg_hba.conf refuse and "
                    + "PostgreSQL 18 deprecates; have them set their passwords again: " + String.join(", ", md5));
        }
    }
}
