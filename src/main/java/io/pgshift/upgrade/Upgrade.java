package io.pgshift.upgrade;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.analyze.Analyze;
import io.pgshift.analyze.AnalyzeOptions;
import io.pgshift.analyze.AnalyzeResult;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.RoleUse;
import io.pgshift.catalog.SourceContext;
import io.pgshift.roles.RoleAccess;
import io.pgshift.run.CopyRun;
import io.pgshift.run.UpgradeLog;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.server.DatabaseSelection;
import io.pgshift.server.ReadOnlySessions;
import io.pgshift.server.ServerDatabases;
import io.pgshift.Errors;
import io.pgshift.progress.ProgressListener;

/**
 * Upgrades a whole server: check, roles, every database (copied in parallel across and within databases),
 * per-database role settings, ANALYZE, the settings comparison, verification. The first failure stops the
 * run; the steps after it are reported as not run. {@link #report()} tells what finished at any moment, so
 * the caller can write it even when the run fails or is interrupted.
 */
public final class Upgrade {
    private final UpgradeOptions options;
    private final RoleSteps roles;
    private final ProgressListener listener;
    private final ReportBuilder report;
    private List<SourceDatabase> databases = List.of();
    private List<String> migrated = List.of();
    private RoleAccess.Grants ownerGrants;
    private final UpgradeLog log;
    /** The databases an interrupted run copied whole, which --resume leaves as they are. */
    private Set<String> copiedBefore = Set.of();

    public Upgrade(UpgradeOptions options, ProgressListener listener) {
        this.options = options;
        this.roles = new RoleSteps(options);
        this.listener = listener;
        this.report = new ReportBuilder(options.effective());
        this.log = UpgradeLog.of(options.stateDirectory(), options.source().describe(), options.target().describe());
    }

    /** Runs an upgrade and returns its report, failed or not. */
    public static UpgradeReport run(UpgradeOptions options, ProgressListener listener) {
        return new Upgrade(options, listener).run();
    }

    /** Runs every step; returns the report, which names the failure if there was one. Never throws. */
    public UpgradeReport run() {
        step(Step.CHECK, this::check);
        step(Step.ROLES, () -> record(roles.migrate()) + ownerAccess());
        try {
            steps();
        } finally {
            releaseOwnerAccess();
            log.close();
        }
        UpgradeReport done = report();
        if (done.failure() == null && log.exists()) {
            // Kept after a failure, even one after the copies (ANALYZE, verification): --resume then copies nothing
            // again and runs those steps once more.
            log.remove();
        }
        return done;
    }

    private void steps() {
        step(Step.DATABASES, this::copyDatabases);
        step(Step.ROLE_SETTINGS, () -> record(roles.applyDatabaseSettings(migrated)));
        if (options.analyze()) {
            step(Step.ANALYZE, this::analyze);
        } else {
            report.skipped(Step.ANALYZE, "--no-analyze");
        }
        step(Step.SETTINGS, () -> record(SettingsStep.run(options)));
        if (!options.verify()) {
            report.skipped(Step.VERIFY, "--no-verify");
        } else if (options.online() != null) {
            report.skipped(Step.VERIFY, "the databases follow their sources (--online): each cutover verifies its "
                    + "database once the writes stopped");
        } else if (options.narrowed()) {
            report.skipped(Step.VERIFY, "verification compares whole databases with their owners, privileges and "
                    + "tablespaces; --no-owner, --no-acl, --no-tablespaces and the object filters change them on "
                    + "purpose");
        } else {
            step(Step.VERIFY, this::verify);
        }
    }

    /**
     * A target user that is not a superuser grants itself membership in the roles that own the source's objects,
     * now that they exist, so that it can give them their objects, analyze and verify them.
     */
    private String ownerAccess() throws SQLException {
        if (options.ddl().noOwner()) {
            return "";
        }
        Set<String> owners = new TreeSet<>();
        for (SourceDatabase db : databases) {
            try (Connection s = ReadOnlySessions.open(options.source().withDatabase(db.name()))) {
                owners.addAll(RoleUse.read(new SourceContext(s, CatalogReader.versionOf(s))).owners());
            }
        }
        ownerGrants = RoleAccess.acquire(options.target(), owners);
        if (ownerGrants.roles().isEmpty()) {
            return "";
        }
        report.finding(new Finding(Step.ROLES, Severity.INFO, Finding.OWNER_ROLES_GRANTED, null,
                ownerGrants.describe(options.keepRoleGrants())));
        return "; " + ownerGrants.user() + " granted itself " + ownerGrants.roles().size() + " owner roles";
    }

    /** Takes back what {@link #ownerAccess} granted, whether the upgrade succeeded or not. */
    private void releaseOwnerAccess() {
        // Online, the subscriptions' apply workers act as the owners until each cutover: the memberships stay.
        if (ownerGrants == null || ownerGrants.roles().isEmpty() || options.keepRoleGrants()
                || options.online() != null) {
            return;
        }
        List<String> problems = RoleAccess.release(options.target(), ownerGrants);
        for (String p : problems) {
            report.finding(new Finding(Step.VERIFY, Severity.WARNING, Finding.OWNER_ROLES_GRANTED, null, p));
        }
    }

    /** What has happened so far; safe to call from another thread, e.g. a shutdown hook. */
    public UpgradeReport report() {
        return report.snapshot();
    }

    @FunctionalInterface
    private interface Body {
        /** Does the step and returns a line on what it did. */
        String run() throws SQLException;
    }

    private void step(Step step, Body body) {
        if (report.hasFailed()) {
            return;
        }
        report.started(step);
        try {
            report.finished(step, body.run());
        } catch (PgShiftException e) {
            report.failed(step, e.code(), e.getMessage());
        } catch (SQLException e) {
            report.failed(step, ErrorCode.MIGRATION_FAILED, Errors.firstLine(e));
        } catch (RuntimeException e) {
            report.failed(step, ErrorCode.INTERNAL, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Keeps a step's findings; returns its summary. */
    private String record(StepOutcome outcome) {
        outcome.findings().forEach(report::finding);
        return outcome.summary();
    }

    /**
     * Reads both servers' versions and the source's databases, then runs the pre-flight check. Writes nothing,
     * so a wrong option or an unfit target stops the upgrade before roles or databases are created.
     */
    private String check() throws SQLException {
        ServerVersion source;
        ServerVersion target;
        try (Connection s = ReadOnlySessions.openServer(options.source())) {
            source = CatalogReader.versionOf(s);
            databases = SourceDatabase.sized(s, select(s));
        }
        try (Connection t = ReadOnlySessions.openServer(options.target())) {
            target = CatalogReader.versionOf(t);
        }
        report.versions(source.major(), target.major());
        if (source.compareTo(ServerVersion.OLDEST_SUPPORTED) < 0) {
            throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION, "source " + options.source().describe()
                    + " runs PostgreSQL " + source + "; pgshift supports sources from 9.6 on");
        }
        if (target.majorNumber() < source.majorNumber()) {
            throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION, "target " + options.target().describe()
                    + " runs PostgreSQL " + target + ", older than the source's " + source
                    + "; pgshift only upgrades to the same or a newer major version");
        }
        List<String> names = databases.stream().map(SourceDatabase::name).toList();
        Set<String> resumable = resumable(names);
        StepOutcome preflight = CheckStep.run(options, names, resumable);
        String summary = names.size() + (names.size() == 1 ? " database" : " databases") + " to move ("
                + String.join(", ", names) + "); " + record(preflight);
        long errors = preflight.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        if (errors > 0 && !options.ignoreCheckErrors()) {
            throw new PgShiftException(ErrorCode.CHECK_FAILED, "the pre-flight check found " + errors
                    + (errors == 1 ? " error" : " errors") + "; nothing was written (" + summary + "); fix "
                    + (errors == 1 ? "it" : "them") + ", or give --ignore-check-errors to go ahead anyway");
        }
        return summary;
    }

    /**
     * The source's databases that --databases and --exclude-databases leave, and that can be connected to. The
     * others go into the report with the reason.
     */
    private List<String> select(Connection source) throws SQLException {
        ServerDatabases.Selection selection = ServerDatabases.divide(source,
                new DatabaseSelection(options.databases(), options.excludeDatabases()));
        report.skippedDatabases(selection.skipped());
        for (ServerDatabases.Skipped s : selection.leftOut()) {
            report.finding(new Finding(Step.CHECK, Severity.INFO, Finding.DATABASE_SKIPPED, s.name(),
                    "database " + s.name() + " is not moved: " + s.reason()));
        }
        List<String> names = new ArrayList<>();
        for (ServerDatabases.Database d : selection.databases()) {
            if (d.acceptsConnections()) {
                names.add(d.name());
            } else {
                report.finding(new Finding(Step.CHECK, Severity.WARNING, Finding.DATABASE_NOT_CONNECTABLE, d.name(),
                        "database " + d.name() + " does not allow connections (datallowconn is false) and is not "
                                + "moved; run ALTER DATABASE ... ALLOW_CONNECTIONS true on the source to move it"));
            }
        }
        if (names.isEmpty()) {
            throw new PgShiftException(ErrorCode.USAGE, "no database to upgrade: --databases and --exclude-databases "
                    + "leave none of the source's");
        }
        return names;
    }

    /**
     * The databases a resumed upgrade takes up where the interrupted one left them (copied whole, or with a copy's
     * own resume log): their targets are not empty, and are not meant to be. Without --resume, the log of an
     * interrupted upgrade stops this one before anything is written, saying how to go on.
     */
    private Set<String> resumable(List<String> names) {
        if (!options.resume()) {
            if (log.exists() && !options.clean()) {
                throw new PgShiftException(ErrorCode.TARGET_NOT_EMPTY, "an interrupted upgrade of "
                        + options.source().describe() + " into " + options.target().describe() + " left its state in "
                        + log.file() + ": run the same command with --resume to go on, or with --clean to start "
                        + "over; nothing was written");
            }
            return Set.of();
        }
        if (!log.exists()) {
            throw new PgShiftException(ErrorCode.USAGE, "there is no interrupted upgrade of "
                    + options.source().describe() + " into " + options.target().describe() + " to resume ("
                    + log.file() + " does not exist)");
        }
        copiedBefore = log.copied();
        Set<String> resumable = new TreeSet<>(copiedBefore);
        for (String name : names) {
            if (CopyRun.interrupted(DatabaseCopies.copyOptions(options, name, 1))) {
                resumable.add(name);
            }
        }
        return resumable;
    }

    private String copyDatabases() {
        // Online, each database follows its source until its cutover: there is nothing to resume, only to abort.
        if (!options.resume() && options.online() == null) {
            log.start();
        }
        List<SourceDatabase> left = databases.stream().filter(d -> !copiedBefore.contains(d.name())).toList();
        for (SourceDatabase d : databases) {
            if (copiedBefore.contains(d.name())) {
                report.databaseCopiedBefore(d.name());
                report.finding(new Finding(Step.DATABASES, Severity.INFO, Finding.COPIED_BEFORE, d.name(),
                        "database " + d.name() + " was copied whole by the interrupted upgrade; it is not copied "
                                + "again"));
            }
        }
        List<String> copied = new DatabaseCopies(options, listener, report, log::copied).run(left);
        migrated = databases.stream().map(SourceDatabase::name)
                .filter(n -> copiedBefore.contains(n) || copied.contains(n)).toList();
        return copied.size() + (copied.size() == 1 ? " database" : " databases") + " copied"
                + (copiedBefore.isEmpty() ? "" : ", " + copiedBefore.size() + " copied before the interruption");
    }

    private String analyze() {
        AnalyzeResult result = Analyze.run(new AnalyzeOptions(options.target(), options.jobs(),
                options.analyzeInStages(), migrated), listener);
        report.analyzed(result);
        for (String w : result.warnings()) {
            report.finding(new Finding(Step.ANALYZE, Severity.WARNING, Finding.ANALYZE_WARNING, null, w));
        }
        return result.tables() + " tables analyzed";
    }

    private String verify() {
        int differ = Verifications.run(options, migrated, report);
        if (differ > 0) {
            throw new PgShiftException(ErrorCode.VERIFICATION_FAILED, differ + " of " + migrated.size()
                    + " databases differ from their source; the findings name each difference");
        }
        return migrated.size() + (migrated.size() == 1 ? " database equals its source"
                : " databases equal their sources");
    }
}
