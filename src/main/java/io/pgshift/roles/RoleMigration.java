package io.pgshift.roles;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connector;
import io.pgshift.data.SessionSettings;

/**
 * Moves roles the way {@code pg_dumpall --roles-only} does, with statements that are safe to replay: an existing
 * role is altered, never an error. Either straight onto a target ({@link #run}) or into a psql script
 * ({@link #writeScript}).
 *
 * <pre>{@code
 * RoleMigrationResult r = RoleMigration.run(source, target, RoleOptions.defaults().withDatabaseSettings(false));
 * // ... create the databases ...
 * RoleMigration.applyDatabaseSettings(target, r.pendingDatabaseSettings());
 * }</pre>
 */
public final class RoleMigration {
    private RoleMigration() {
    }

    /**
     * Reads the source's roles and creates or alters them on the target, in one transaction.
     *
     * @throws PgShiftException MIGRATION_FAILED when a statement fails (nothing is changed then), UNSUPPORTED_VERSION
     *                          for a source older than 9.6 or a target older than the source, USAGE for a bad
     *                          --role-map, or the connection's own codes
     */
    public static RoleMigrationResult run(ConnInfo source, ConnInfo target, RoleOptions options) {
        SourceRoles roles = readSource(source);
        try (Connection connection = openTarget(target)) {
            ServerVersion version = CatalogReader.versionOf(connection);
            if (version.majorNumber() < roles.version().majorNumber()) {
                throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION, "target " + target.describe()
                        + " runs PostgreSQL " + version + ", older than the source's " + roles.version()
                        + "; pgshift only moves roles to the same or a newer major version");
            }
            prepareTarget(connection, version);
            TargetState state = TargetStateReader.read(connection, version);
            TargetProfile profile = options.profile() == TargetProfile.AUTO ? state.detected() : options.profile();
            RolePlan plan = RolePlanner.plan(roles, new PlanTarget(profile, state), options, List.of());
            if (options.dryRun()) {
                return plan.result();
            }
            return plan.result().withWarnings(StatementRunner.run(connection, plan.statements(), target));
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "could not read the roles of the target "
                    + target.describe() + ": " + StatementRunner.serverMessage(e), e);
        }
    }

    /**
     * Writes the roles as a psql script to a new file, readable by its owner only (it holds password verifiers).
     * An existing file is not overwritten. With a dry run nothing is written.
     */
    public static RoleMigrationResult writeScript(ConnInfo source, RoleOptions options, Path file) {
        RolePlan plan = planScript(source, options);
        if (options.dryRun()) {
            return plan.result();
        }
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new PgShiftException(ErrorCode.IO, file + " already exists; choose a new file name", e);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot create " + file + ": " + e.getMessage(), e);
        }
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
            RoleScript.write(plan.statements(), plan.result(), source.describe(), out);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file); // half a script must not pass for a whole one
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new PgShiftException(ErrorCode.IO, "cannot write " + file + ": " + e.getMessage(), e);
        }
        return plan.result();
    }

    /** Writes the script to a stream (standard output, say); the caller closes it. */
    public static RoleMigrationResult writeScript(ConnInfo source, RoleOptions options, OutputStream out) {
        RolePlan plan = planScript(source, options);
        if (!options.dryRun()) {
            try {
                RoleScript.write(plan.statements(), plan.result(), source.describe(), out);
            } catch (IOException e) {
                throw new PgShiftException(ErrorCode.IO, "cannot write the roles script: " + e.getMessage(), e);
            }
        }
        return plan.result();
    }

    /**
     * Applies per-database role settings whose database exists on the target now: what {@link #run} left pending
     * (see {@link RoleMigrationResult#pendingDatabaseSettings()}). Safe to call again.
     */
    public static DatabaseSettingsResult applyDatabaseSettings(ConnInfo target, List<DatabaseRoleSetting> settings) {
        try (Connection connection = openTarget(target)) {
            ServerVersion version = CatalogReader.versionOf(connection);
            prepareTarget(connection, version);
            TargetState state = TargetStateReader.read(connection, version);
            Permissions permissions = new Permissions(state.detected(), state);
            List<RoleStatement> statements = new ArrayList<>();
            List<DatabaseRoleSetting> pending = new ArrayList<>();
            List<String> warnings = new ArrayList<>();
            for (DatabaseRoleSetting s : settings) {
                if (!state.databases().contains(s.database())) {
                    pending.add(s);
                    continue;
                }
                for (String setting : s.settings()) {
                    String parameter = setting.substring(0, Math.max(0, setting.indexOf('=')));
                    String what = "setting " + parameter + " of role " + s.role() + " in database " + s.database();
                    String why = !state.roles().containsKey(s.role()) ? "role " + s.role() + " does not exist on the target"
                            : permissions.whyNotSet(parameter);
                    if (why != null) {
                        warnings.add(what + " left out: " + why);
                    } else {
                        statements.add(RoleStatement.of(RoleSql.setting(s.role(), s.database(), setting), "set " + what)
                                .orElse(null, what + " left out"));
                    }
                }
            }
            // Each statement that fails leaves exactly one warning behind.
            List<String> failed = StatementRunner.run(connection, statements, target);
            warnings.addAll(failed);
            return new DatabaseSettingsResult(statements.size() - failed.size(), pending, warnings);
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "could not read the roles of the target "
                    + target.describe() + ": " + StatementRunner.serverMessage(e), e);
        }
    }

    /** @param applied settings set; {@code pending} still wait for their database */
    public record DatabaseSettingsResult(int applied, List<DatabaseRoleSetting> pending, List<String> warnings) {
        public DatabaseSettingsResult {
            pending = List.copyOf(pending);
            warnings = List.copyOf(warnings);
        }
    }

    private static RolePlan planScript(ConnInfo source, RoleOptions options) {
        SourceRoles roles = readSource(source);
        List<String> notes = new ArrayList<>();
        TargetProfile profile = options.profile();
        if (profile == TargetProfile.AUTO) {
            profile = TargetProfile.GENERIC;
            notes.add("a script has no target to detect the profile from: it is written for a generic server; give "
                    + "--target-profile azure, rds or cloudsql for a managed one");
        }
        return RolePlanner.plan(roles, new PlanTarget(profile, null), options, notes);
    }

    /** One read-only, repeatable-read transaction on the source: it is only ever read. */
    static SourceRoles readSource(ConnInfo source) {
        try (Connection connection = Connector.open(source)) {
            ServerVersion version = CatalogReader.versionOf(connection);
            if (version.compareTo(ServerVersion.OLDEST_SUPPORTED) < 0) {
                throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION, "source " + source.describe()
                        + " runs PostgreSQL " + version + "; pgshift supports sources from 9.6 on");
            }
            SessionSettings.applySource(connection, version);
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setReadOnly(true);
            SourceRoles roles = new SourceRoleReader(connection, version).read();
            connection.commit();
            return roles;
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "could not read the roles of the source "
                    + source.describe() + ": " + StatementRunner.serverMessage(e), e);
        }
    }

    /** Roles are server-wide: when the named database does not exist (yet), any other will do. */
    private static Connection openTarget(ConnInfo target) {
        return RoleAccess.openServer(target);
    }

    private static void prepareTarget(Connection connection, ServerVersion version) throws SQLException {
        SessionSettings.applyTarget(connection, version);
        // Role changes are few and matter: commit them durably.
        SessionSettings.execute(connection, "SET synchronous_commit = on");
    }
}
