package io.pgshift.run;

import java.util.stream.Collectors;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.TreeMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.plan.Entry;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.PrivilegeObjects;
import io.pgshift.catalog.SecurityLabelSource;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.DatabaseInfo;
import io.pgshift.catalog.Extension;
import io.pgshift.catalog.Schema;
import io.pgshift.catalog.SequenceDef;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.SourceContext;
import io.pgshift.catalog.SuperuserObjects;
import io.pgshift.catalog.Table;
import io.pgshift.catalog.View;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connector;
import io.pgshift.sql.Sql;
import io.pgshift.server.ExtensionRights;
import io.pgshift.server.UserObjects;
import io.pgshift.progress.ProgressListener;
import io.pgshift.Errors;
import io.pgshift.connect.Connections;
import io.pgshift.object.Kind;

/**
 * Makes sure the target database exists and is safe to fill: created with the source's properties when
 * missing, refused when it already holds user objects, unless the user asked for --clean.
 */
final class TargetDatabase implements AutoCloseable {
    /** Relations --clean drops in one statement and transaction. */
    private static final int CLEAN_BATCH = 100;
    /** The databases that always exist, tried in this order to run CREATE DATABASE from. */
    private static final List<String> MAINTENANCE_DATABASES = List.of("postgres", "template1");

    private final ConnInfo target;
    private final ProgressListener listener;
    /** One session on a maintenance database, opened when first needed: each new session costs a login. */
    private Connection maintenance;
    private Boolean superuser;

    TargetDatabase(ConnInfo target, ProgressListener listener) {
        this.target = target;
        this.listener = listener;
    }

    /** The target server's version, asked of a database that always exists, since the target may not yet. */
    ServerVersion version() throws SQLException {
        return CatalogReader.versionOf(maintenance());
    }

    /**
     * Refuses, before anything is written, a target server that cannot hold the source's objects: one that
     * lacks an extension the source uses, or does not know a setting the source database sets. An extension
     * whose default version on the target differs from the source's is created at the target's version,
     * with a warning.
     */
    void checkCanHold(Catalog source, List<Extension> extensions) throws SQLException {
        List<String> problems = new ArrayList<>();
        Connection admin = maintenance();
        Map<String, String> available = new HashMap<>();
        try (Statement st = admin.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT name, default_version FROM pg_catalog.pg_available_extensions")) {
            while (rs.next()) {
                available.put(rs.getString(1), rs.getString(2));
            }
        }
        if (!superuser()) {
            problems.addAll(ExtensionRights.refused(admin, extensions, () -> installedExtensions(admin)));
        }
        for (Extension e : extensions) {
            if (!available.containsKey(e.name())) {
                problems.add("extension " + e.name() + " (version " + e.version() + " on the source) is not "
                        + "installed on the target server");
            } else if (!e.version().equals(available.get(e.name()))) {
                listener.warning("extension " + e.name() + " is created at the target's version "
                        + available.get(e.name()) + "; the source has version " + e.version());
            }
        }
        Set<String> known = new HashSet<>();
        try (Statement st = admin.createStatement();
             ResultSet rs = st.executeQuery("SELECT name FROM pg_catalog.pg_settings")) {
            while (rs.next()) {
                known.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        for (String setting : source.database().settings()) {
            String name = setting.substring(0, setting.indexOf('='));
            // Names with a dot belong to extensions or applications; any server accepts them.
            if (!name.contains(".") && !known.contains(name.toLowerCase(Locale.ROOT))) {
                problems.add("the source database sets " + name + ", which the target server does not know "
                        + "(remove it with ALTER DATABASE ... RESET " + name + ")");
            }
        }
        if (!problems.isEmpty()) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "the target cannot hold the source's objects, "
                    + "nothing was written: " + String.join("; ", problems));
        }
    }

    /**
     * Creates the database if it does not exist, with the source's encoding, locale and collation provider;
     * returns true when it did so. The target is never older than the source, so it knows every provider
     * option the source uses; whether its build supports ICU, and its host the locale, is another matter,
     * and each fallback is reported.
     */
    /** Refuses a target database that does not exist: a data-only copy loads tables that must be there. */
    void requireExisting(String why) throws SQLException {
        if (!exists(maintenance(), target.dbname())) {
            throw new PgShiftException(ErrorCode.DATABASE_NOT_FOUND, "target database " + target.describe()
                    + " does not exist; " + why);
        }
    }

    boolean createIfMissing(DatabaseInfo source, boolean noOwner) throws SQLException {
        Connection admin = maintenance();
        if (exists(admin, target.dbname())) {
            return false;
        }
        String owner = !noOwner && source.owner() != null && roleExists(admin, source.owner()) ? " OWNER " + Sql.ident(source.owner()) : "";
        String create = "CREATE DATABASE " + Sql.ident(target.dbname()) + " WITH TEMPLATE template0 ENCODING "
                + Sql.literal(source.encoding()) + owner;
        String locale = " LC_COLLATE " + Sql.literal(source.collate()) + " LC_CTYPE " + Sql.literal(source.ctype());
        // From 15 on, template0 may use another provider than libc, so libc is asked for by name.
        String libc = CatalogReader.versionOf(admin).atLeast(15) ? " LOCALE_PROVIDER libc" : "";
        String provider = provider(source);
        if (provider != null) {
            try {
                execute(admin, create + locale + provider);
                return true;
            } catch (SQLException e) {
                rethrowUnlessLocale(e);
                listener.warning("the target cannot use the source's collation provider (" + Errors.firstLine(e)
                        + "); database " + target.dbname() + " was created with the libc provider");
            }
        }
        try {
            execute(admin, create + locale + libc);
        } catch (SQLException e) {
            // A locale name is an operating-system name and may not exist on the target's host. The C
            // locale exists everywhere and accepts every encoding; the user is told about the change.
            rethrowUnlessLocale(e);
            listener.warning("the target cannot use locale " + source.collate() + "/" + source.ctype() + " ("
                    + Errors.firstLine(e) + "); database " + target.dbname() + " was created with locale C");
            execute(admin, create + " LC_COLLATE 'C' LC_CTYPE 'C'" + libc);
        }
        return true;
    }

    /**
     * Only a locale the target cannot use makes it fall back to another; anything else (no right to create the
     * database, or to give it its owner) is the failure it is, not a locale problem.
     */
    private static void rethrowUnlessLocale(SQLException e) throws SQLException {
        // wrong_object_type (an unknown locale name), invalid_parameter_value (locale and encoding do not
        // match), feature_not_supported (no ICU in this build)
        if (!List.of("42809", "22023", "0A000").contains(e.getSQLState())) {
            throw e;
        }
    }

    /** The LOCALE_PROVIDER clause for an ICU (15+) or builtin (17+) source database; null for libc. */
    private static String provider(DatabaseInfo source) {
        return switch (source.localeProvider()) {
            case 'i' -> " LOCALE_PROVIDER icu ICU_LOCALE " + Sql.literal(source.locale())
                    + (source.icuRules() != null ? " ICU_RULES " + Sql.literal(source.icuRules()) : "");
            case 'b' -> " LOCALE_PROVIDER builtin BUILTIN_LOCALE " + Sql.literal(source.locale());
            default -> null;
        };
    }

    /**
     * Refuses, before anything is written, extensions a target user that is not a superuser may not create (see
     * {@link ExtensionRights}): a restore knows them by name only.
     */
    void checkExtensions(List<String> names) throws SQLException {
        if (superuser()) {
            return;
        }
        Connection admin = maintenance();
        List<String> refused = ExtensionRights.refusedNames(admin, names, () -> installedExtensions(admin));
        if (!refused.isEmpty()) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "the target cannot hold the source's objects, "
                    + "nothing was written: " + String.join("; ", refused));
        }
    }

    /**
     * Refuses, before anything is written, objects only a superuser may create when the target user is not one;
     * those some services let their admin create (event triggers, publications) are only a warning.
     */
    void checkSuperuserObjects(SourceContext source) throws SQLException {
        if (superuser()) {
            return;
        }
        List<String> objects = SuperuserObjects.read(source);
        List<String> refused = objects.stream().filter(o -> !SuperuserObjects.someServicesAllow(o)).toList();
        objects.stream().filter(SuperuserObjects::someServicesAllow).forEach(o -> listener.warning(o
                + " needs a superuser on the target, unless the provider lets its admin create it"));
        if (!refused.isEmpty()) {
            throw new PgShiftException(ErrorCode.CHECK_FAILED, "the source holds " + refused.size()
                    + (refused.size() == 1 ? " object" : " objects") + " only a superuser may create ("
                    + String.join(", ", refused.subList(0, Math.min(5, refused.size())))
                    + (refused.size() > 5 ? ", ..." : "") + "), and the target user is not one; nothing was "
                    + "written (create them on the target as a superuser first, or leave them out with -N or -T)");
        }
    }

    /**
     * The entries that change built-in objects' privileges, which only a superuser may do, when the target user is
     * not one: they are left out, and a warning names them. Nothing is left out for a superuser.
     */
    Set<ObjectRef> builtInPrivilegesLeftOut(List<Entry> entries) throws SQLException {
        if (superuser()) {
            return Set.of();
        }
        List<Entry> builtIn = entries.stream().filter(e -> e.kind() == Kind.BUILT_IN_OBJECT_PRIVILEGES).toList();
        if (!builtIn.isEmpty()) {
            listener.warning("the source changed the privileges of " + builtIn.size() + " built-in "
                    + (builtIn.size() == 1 ? "object" : "objects") + " ("
                    + String.join(", ", builtIn.stream().limit(5).map(Entry::name).toList())
                    + (builtIn.size() > 5 ? ", ..." : "") + "); only a superuser may change them, and the target "
                    + "user is not one, so they were left out: a superuser can make the same changes on the target");
        }
        return builtIn.stream().map(Entry::ref).collect(Collectors.toSet());
    }

    /**
     * Refuses, before anything is written, security labels whose provider the target has not loaded: SECURITY LABEL
     * would fail on the first of them. The server looks for the provider before anything else, so a label on any
     * object, in a transaction rolled back, tells whether it is loaded.
     */
    void checkSecurityLabels(List<Entry> entries) throws SQLException {
        Map<String, Long> byProvider = entries.stream().filter(e -> e.kind() == Kind.SECURITY_LABEL)
                .collect(Collectors.groupingBy(SecurityLabelSource::providerOf, TreeMap::new, Collectors.counting()));
        List<String> missing = new ArrayList<>();
        Connection admin = maintenance();
        for (Map.Entry<String, Long> provider : byProvider.entrySet()) {
            try (Statement st = admin.createStatement()) {
                st.execute("BEGIN");
                try {
                    st.execute("SECURITY LABEL FOR " + Sql.ident(provider.getKey())
                            + " ON SCHEMA pg_catalog IS NULL");
                } catch (SQLException e) {
                    if ("22023".equals(e.getSQLState())) {
                        missing.add(provider.getKey() + " (" + provider.getValue() + " label"
                                + (provider.getValue() == 1 ? "" : "s") + ")");
                    }
                } finally {
                    st.execute("ROLLBACK");
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new PgShiftException(ErrorCode.CHECK_FAILED, "the source's objects carry security labels of "
                    + "providers the target has not loaded: " + String.join(", ", missing) + "; nothing was "
                    + "written: load them on the target (shared_preload_libraries), or leave the labels out with "
                    + "--no-security-labels");
        }
    }

    /** Whether the target user is a superuser, asked once: several checks before writing depend on it. */
    private boolean superuser() throws SQLException {
        if (superuser == null) {
            try (Statement st = maintenance().createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user")) {
                superuser = rs.next() && rs.getBoolean(1);
            }
        }
        return superuser;
    }

    /** The extensions already in the target database; none when it does not exist yet. */
    private Set<String> installedExtensions(Connection admin) throws SQLException {
        if (!exists(admin, target.dbname())) {
            return Set.of();
        }
        Set<String> names = new HashSet<>();
        try (Connection db = Connector.open(target); Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT extname FROM pg_catalog.pg_extension")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** The role that owns what this session creates: its login user, unless its settings SET ROLE. */
    static String currentUser(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /**
     * Refuses a target that already holds user objects, or drops the source's objects from it with --clean.
     *
     * @return whether the target held no user objects: a cleaned target may still hold objects of its own
     */
    boolean ensureEmpty(Connection connection, Catalog source, boolean clean) throws SQLException {
        List<String> existing = UserObjects.list(connection);
        if (existing.isEmpty()) {
            return true;
        }
        if (!clean) {
            throw notEmpty(existing);
        }
        clean(connection, source);
        return false;
    }

    /** Refuses a target that already holds user objects. */
    void ensureEmpty(Connection connection) throws SQLException {
        List<String> existing = UserObjects.list(connection);
        if (!existing.isEmpty()) {
            throw notEmpty(existing);
        }
    }

    private PgShiftException notEmpty(List<String> existing) {
        return new PgShiftException(ErrorCode.TARGET_NOT_EMPTY, "target database " + target.describe()
                + " is not empty: it holds " + String.join(", ", existing.subList(0, Math.min(5, existing.size())))
                + (existing.size() > 5 ? " and " + (existing.size() - 5) + " more" : "")
                + "; use --clean to replace the source's objects in it, or choose an empty database");
    }

    /**
     * Drops what the copy is about to create: the source's relations, a hundred per transaction, then the schemas
     * other than public whole, with everything left in them. In public only the source's own relations go, so the
     * schema's privileges survive. A failure halfway leaves part of it dropped, which a rerun with --clean finishes.
     */
    private static void clean(Connection connection, Catalog source) throws SQLException {
        for (String drop : ObjectDrops.first(source.objects())) {
            execute(connection, drop);
        }
        // Relations go in batches, each in a transaction of its own, before their schemas: one DROP SCHEMA ...
        // CASCADE over thousands of tables locks them all at once and runs out of lock slots.
        List<String> relations = new ArrayList<>();
        source.views().forEach(v -> relations.add((v.materialized() ? "MATERIALIZED VIEW " : "VIEW ")
                + Sql.qualified(v.schema(), v.name())));
        source.tables().forEach(t -> relations.add("TABLE " + Sql.qualified(t.schema(), t.name())));
        source.sequences().stream().filter(s -> s.identityOf() == null)
                .forEach(s -> relations.add("SEQUENCE " + Sql.qualified(s.schema(), s.name())));
        for (String kind : List.of("MATERIALIZED VIEW ", "VIEW ", "TABLE ", "SEQUENCE ")) {
            List<String> names = relations.stream().filter(r -> r.startsWith(kind))
                    .map(r -> r.substring(kind.length())).toList();
            for (int i = 0; i < names.size(); i += CLEAN_BATCH) {
                execute(connection, "DROP " + kind + "IF EXISTS "
                        + String.join(", ", names.subList(i, Math.min(names.size(), i + CLEAN_BATCH))) + " CASCADE");
            }
        }
        for (Schema s : source.schemas()) {
            if (!"public".equals(s.name())) {
                execute(connection, "DROP SCHEMA IF EXISTS " + Sql.ident(s.name()) + " CASCADE");
            }
        }
        for (String drop : ObjectDrops.last(source.objects())) {
            execute(connection, drop);
        }
    }

    /** A session on a database that always exists: postgres, else template1. */
    Connection maintenance() {
        if (maintenance == null) {
            maintenance = openMaintenance();
        }
        return maintenance;
    }

    @Override
    public void close() {
        Connections.closeQuietly(maintenance);
        maintenance = null;
    }

    private Connection openMaintenance() {
        PgShiftException last = null;
        for (String db : MAINTENANCE_DATABASES) {
            try {
                return Connector.open(target.withDatabase(db));
            } catch (PgShiftException e) {
                if (e.code() != ErrorCode.DATABASE_NOT_FOUND) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private static boolean exists(Connection admin, String database) throws SQLException {
        return rowExists(admin, "SELECT 1 FROM pg_catalog.pg_database WHERE datname = ?", database);
    }

    private static boolean roleExists(Connection admin, String role) throws SQLException {
        return role != null && rowExists(admin, "SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = ?", role);
    }

    private static boolean rowExists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute(sql);
        }
    }
}
