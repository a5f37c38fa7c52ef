package io.pgshift.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.RoleUse;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.SourceContext;
import io.pgshift.catalog.SuperuserObjects;
import io.pgshift.catalog.Unreadable;
import io.pgshift.sql.Sql;
import io.pgshift.roles.RoleAccess;
import io.pgshift.server.ExtensionRights;

/**
 * What a user that is not a superuser cannot do, found before anything is written: on the target, extensions that
 * are neither trusted nor allowed by the provider, base types, missing tablespaces, and roles it can neither act as
 * nor grant itself; on the source, tables and large objects it may not read. A managed service's admin is such
 * a user on both ends.
 */
final class AccessCheck {
    private static final int NAMED = 10;

    /**
     * What the target lets its connecting user create, read once.
     *
     * @param allowList the provider's extension allow-list (azure.extensions, rds.allowed_extensions), null when
     *                  the server has none
     * @param creatable for each available extension, whether a user that is not a superuser may create it at its
     *                  default version (trusted from 13 on; before, not marked superuser-only)
     */
    record Target(String user, boolean superuser, ServerVersion version, ExtensionRights.AllowList allowList,
                  Map<String, Boolean> creatable, Set<String> tablespaces, Set<String> roles) {

        static Target read(Connection connection, ServerFacts facts) throws SQLException {
            ServerVersion version = CatalogReader.versionOf(connection);
            SourceContext context = new SourceContext(connection, version);
            Map<String, Boolean> creatable = ExtensionRights.creatable(connection);
            ExtensionRights.AllowList allowList = ExtensionRights.allowList(connection);
            Set<String> tablespaces = new HashSet<>(context.list(
                    "SELECT spcname FROM pg_catalog.pg_tablespace", rs -> rs.getString(1)));
            Set<String> roles = new HashSet<>(context.list("SELECT rolname FROM pg_catalog.pg_roles",
                    rs -> rs.getString(1)));
            return new Target(facts.user(), facts.superuser(), version, allowList, creatable, tablespaces, roles);
        }
    }

    private AccessCheck() {
    }

    /** The findings for one source database, whose roles the caller has read (they also serve {@link #roles}). */
    static List<Finding> check(DatabasePair db, Target target, CheckOptions options, ServerFacts source,
                               RoleUse roles) throws SQLException {
        List<Finding> found = new ArrayList<>();
        if (!target.superuser()) {
            found.addAll(extensions(db, target));
            found.addAll(baseTypes(db, target));
            found.addAll(createInDatabase(db, target, roles));
            found.addAll(superuserObjects(db, target));
        }
        if (!options.noTablespaces()) {
            found.addAll(tablespaces(db, target));
        }
        if (!source.superuser()) {
            found.addAll(sourceReads(db, source));
        }
        return found;
    }

    private static List<Finding> extensions(DatabasePair db, Target target) throws SQLException {
        List<Finding> found = new ArrayList<>();
        List<String> names = db.sourceContext().list(
                "SELECT extname FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql' ORDER BY extname",
                rs -> rs.getString(1));
        Set<String> there = db.target() == null ? Set.of() : new HashSet<>(db.targetContext().list(
                "SELECT extname FROM pg_catalog.pg_extension", rs -> rs.getString(1)));
        for (String name : names) {
            if (there.contains(name) || !target.creatable().containsKey(name)) {
                continue; // already there, or missing altogether (EXTENSION_MISSING says so)
            }
            if (target.allowList() != null && !target.allowList().allows(name)) {
                found.add(FindingCode.EXTENSION_NOT_ALLOWED.error(db.name(), List.of(name), "extension " + name
                        + " is not in the target's allow-list " + target.allowList().setting() + ", so the target user "
                        + target.user() + " may not create it", "add " + name + " to the server parameter "
                        + target.allowList().setting() + " on the target (the provider's portal or CLI), then check "
                        + "again"));
            } else if (target.allowList() == null && !target.creatable().get(name)) {
                found.add(FindingCode.EXTENSION_NOT_ALLOWED.error(db.name(), List.of(name), "extension " + name
                        + " is not trusted, so only a superuser may create it, and the target user " + target.user()
                        + " is not one", "create it in the target database as a superuser before the upgrade, or "
                        + "drop it from the source database if nothing uses it"));
            }
        }
        return found;
    }

    /**
     * A target database that exists already, where the target user may not create schemas or extensions, while
     * the source's copy needs to. Membership in the database's owner would give that right, when the owner is one
     * of the source's owners that the upgrade grants the user (see {@link RoleAccess}).
     */
    private static List<Finding> createInDatabase(DatabasePair db, Target target, RoleUse roles)
            throws SQLException {
        if (db.target() == null) {
            return List.of();
        }
        boolean needs = db.sourceContext().list("""
                SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n WHERE n.nspname <> 'public' AND %s AND %s)
                    OR EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql')""".formatted(
                SourceContext.userSchema("n.nspname"), SourceContext.notExtensionMember("pg_namespace", "n.oid")),
                rs -> rs.getBoolean(1)).get(0);
        if (!needs) {
            return List.of();
        }
        List<String[]> rights = db.targetContext().list("""
                SELECT pg_catalog.has_database_privilege(pg_catalog.current_database(), 'CREATE')::text,
                       pg_catalog.pg_get_userbyid(d.datdba)
                FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()""",
                rs -> new String[] {rs.getString(1), rs.getString(2)});
        String owner = rights.get(0)[1];
        if ("true".equals(rights.get(0)[0])) {
            return List.of();
        }
        RoleAccess.State state = RoleAccess.assess(db.target(), List.of(owner), List.of()).get(owner).state();
        boolean sourceOwner = roles.owners().contains(owner);
        if (state == RoleAccess.State.READY || state == RoleAccess.State.GRANTABLE && sourceOwner) {
            return List.of();
        }
        return List.of(FindingCode.TARGET_DATABASE_NO_CREATE.error(db.name(), List.of(db.name()), "the target "
                + "database " + db.name() + " exists, owned by " + owner + ", and the target user " + target.user()
                + " may not create schemas or extensions in it, which the copy of the source's needs",
                "as " + owner + " or a superuser on the target: GRANT CREATE ON DATABASE " + Sql.ident(db.name())
                        + " TO " + Sql.ident(target.user()) + "; or drop the empty database and let the upgrade "
                        + "create it"));
    }

    /** Objects only a superuser may create (see {@link SuperuserObjects}). */
    private static List<Finding> superuserObjects(DatabasePair db, Target target) throws SQLException {
        List<String> objects = SuperuserObjects.read(db.sourceContext());
        List<String> refused = objects.stream().filter(o -> !SuperuserObjects.someServicesAllow(o)).toList();
        List<String> maybe = objects.stream().filter(SuperuserObjects::someServicesAllow).toList();
        List<Finding> found = new ArrayList<>();
        if (!refused.isEmpty()) {
            found.add(FindingCode.SUPERUSER_OBJECTS.error(db.name(), named(refused), "the source database holds "
                    + refused.size() + (refused.size() == 1 ? " object" : " objects") + " only a superuser may "
                    + "create (" + summary(refused) + "), and the target user " + target.user() + " is not one",
                    "create them in the target database as a superuser before the upgrade, replace them with an "
                            + "extension the provider allows, or leave them out (-N, -T); managed services do not "
                            + "allow them"));
        }
        if (!maybe.isEmpty()) {
            found.add(FindingCode.SUPERUSER_OBJECTS.warning(db.name(), named(maybe), "the source database holds "
                    + summary(maybe) + ", which only a superuser may create unless the provider lets its admin "
                    + "(RDS and Cloud SQL do, through their own hooks)", "check that the target's admin may create "
                    + "them, or create them there yourself after the upgrade"));
        }
        return found;
    }

    private static List<Finding> baseTypes(DatabasePair db, Target target) throws SQLException {
        List<String> types = db.sourceContext().list("""
                SELECT pg_catalog.format_type(t.oid, NULL)
                FROM pg_catalog.pg_type t JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                WHERE t.typtype = 'b' AND %s AND %s
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_type e WHERE e.typarray = t.oid)
                ORDER BY 1""".formatted(SourceContext.userSchema("n.nspname"),
                SourceContext.notExtensionMember("pg_type", "t.oid")), rs -> rs.getString(1));
        if (types.isEmpty()) {
            return List.of();
        }
        return List.of(FindingCode.BASE_TYPE.error(db.name(), named(types), "the source database defines "
                + types.size() + " base type" + (types.size() == 1 ? "" : "s") + " (" + summary(types) + "), which "
                + "only a superuser may create, and the target user " + target.user() + " is not one",
                "package the type as an extension the provider allows, or create it on the target as a superuser "
                        + "first; managed services do not allow base types"));
    }

    private static List<Finding> tablespaces(DatabasePair db, Target target) throws SQLException {
        List<String> used = db.sourceContext().list("""
                SELECT DISTINCT s.spcname FROM pg_catalog.pg_tablespace s
                WHERE s.spcname NOT IN ('pg_default', 'pg_global')
                  AND (EXISTS (SELECT 1 FROM pg_catalog.pg_class c WHERE c.reltablespace = s.oid)
                       OR s.oid = (SELECT dattablespace FROM pg_catalog.pg_database
                                   WHERE datname = pg_catalog.current_database()))
                ORDER BY 1""", rs -> rs.getString(1));
        List<String> missing = used.stream().filter(s -> !target.tablespaces().contains(s)).toList();
        if (missing.isEmpty()) {
            return List.of();
        }
        return List.of(FindingCode.TABLESPACE_MISSING.error(db.name(), missing, "the source database puts objects "
                + "in tablespace" + (missing.size() == 1 ? " " : "s ") + String.join(", ", missing) + ", which the "
                + "target does not have" + (target.superuser() ? "" : ", and the target user " + target.user()
                + " may not create tablespaces"), "give --no-tablespaces to put everything in the target database's "
                + "default tablespace" + (target.superuser() ? ", or CREATE TABLESPACE on the target first" : "")));
    }

    /** Relations and large objects the source user cannot read: the copy would stop at the first of them. */
    private static List<Finding> sourceReads(DatabasePair db, ServerFacts source) throws SQLException {
        Unreadable unreadable = Unreadable.read(db.sourceContext());
        List<Finding> found = new ArrayList<>();
        if (!unreadable.relations().isEmpty()) {
            Unreadable tables = unreadable.only((schema, table) -> true, false);
            found.add(FindingCode.SOURCE_UNREADABLE_TABLES.error(db.name(), named(tables.relations().stream()
                    .map(Unreadable.Relation::name).toList()), "the source user " + source.user() + " may not read "
                    + tables.describe(), "on the source, as a superuser or a role with ADMIN OPTION on the owners: "
                    + tables.fix(source.user())));
        }
        if (!unreadable.largeObjects().isEmpty()) {
            Unreadable objects = new Unreadable(List.of(), unreadable.largeObjects(), unreadable.superusers());
            found.add(FindingCode.SOURCE_UNREADABLE_LARGE_OBJECTS.error(db.name(), List.copyOf(objects.owners()),
                    "the source user " + source.user() + " may not read " + objects.describe(), "on the source, as "
                    + "a superuser or a role with ADMIN OPTION on the owners: " + objects.fix(source.user())));
        }
        return found;
    }

    /**
     * Whether the target user can give every object its owner, and whether every role the objects name will exist.
     *
     * @param uses         each checked database's roles
     * @param createdByRun roles the upgrade will create on the target (so their creator holds ADMIN OPTION on them)
     */
    static List<Finding> roles(Connection target, Target facts, Map<String, RoleUse> uses,
                               Collection<String> createdByRun, CheckOptions options) throws SQLException {
        List<Finding> found = new ArrayList<>();
        Set<String> owners = new TreeSet<>();
        Set<String> mentioned = new TreeSet<>();
        uses.values().forEach(u -> {
            owners.addAll(u.owners());
            mentioned.addAll(u.mentioned());
        });
        Set<String> missing = new TreeSet<>();
        if (!options.noAcl()) {
            mentioned.stream().filter(r -> !facts.roles().contains(r) && !createdByRun.contains(r))
                    .forEach(missing::add);
        }
        if (!options.noOwner()) {
            List<String> refused = new ArrayList<>();
            List<String> reasons = new ArrayList<>();
            for (RoleAccess.Standing s : RoleAccess.assess(target, owners, createdByRun).values()) {
                if (s.state() == RoleAccess.State.MISSING) {
                    missing.add(s.role());
                } else if (s.state() == RoleAccess.State.REFUSED) {
                    refused.add(s.role());
                    reasons.add(s.reason());
                }
            }
            if (!refused.isEmpty()) {
                found.add(FindingCode.ROLE_NOT_SETTABLE.error(null, refused, "the target user " + facts.user()
                        + " cannot give objects to their owner" + (refused.size() == 1 ? " " : "s ")
                        + String.join(", ", refused) + ": " + String.join("; ", reasons), "on the target, as a "
                        + "superuser or a role with ADMIN OPTION on them: " + grants(refused, facts.user(),
                        facts.version().atLeast(16)) + "; or give -O/--no-owner, and " + facts.user()
                        + " owns everything"));
            }
        }
        if (!missing.isEmpty()) {
            found.add(FindingCode.ROLE_MISSING.error(null, List.copyOf(missing), "the source's objects name "
                    + (missing.size() == 1 ? "role " : "roles ") + String.join(", ", missing) + " as owner or in "
                    + "their privileges, and " + (missing.size() == 1 ? "it exists" : "they exist") + " neither on "
                    + "the target nor among the roles the upgrade moves", "create " + (missing.size() == 1 ? "it"
                    : "them") + " on the target first, or leave owners and privileges out with -O and -x"));
        }
        return found;
    }

    private static String grants(List<String> roles, String user, boolean from16) {
        List<String> statements = new ArrayList<>();
        for (String role : roles) {
            statements.add("GRANT " + Sql.ident(role) + " TO " + Sql.ident(user)
                    + (from16 ? " WITH INHERIT TRUE, SET TRUE" : ""));
        }
        return String.join("; ", statements);
    }

    private static List<String> named(List<String> list) {
        return list.subList(0, Math.min(NAMED, list.size()));
    }

    private static String summary(List<String> list) {
        return String.join(", ", list.subList(0, Math.min(3, list.size()))) + (list.size() > 3 ? ", ..." : "");
    }
}
