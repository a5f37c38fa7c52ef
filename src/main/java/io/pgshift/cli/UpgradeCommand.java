package io.pgshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.roles.RoleOptions;
import io.pgshift.roles.TargetProfile;
import io.pgshift.report.ReportSession;
import io.pgshift.report.UpgradeContents;
import io.pgshift.upgrade.Failure;
import io.pgshift.upgrade.Upgrade;
import io.pgshift.upgrade.UpgradeOptions;
import io.pgshift.upgrade.UpgradeReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "upgrade", sortOptions = false,
        description = "Upgrade a whole server: pre-flight check, roles, every database (except template0, template1 "
                + "and the providers' maintenance databases) created with its properties and copied, in parallel "
                + "across and within databases, then ANALYZE, the settings comparison, verification and a report. "
                + "The databases named in the connections are only where pgshift connects first (default: postgres).")
final class UpgradeCommand implements Callable<Integer> {
    private static final DateTimeFormatter DEFAULT_NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss",
            java.util.Locale.ROOT);

    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "CONN", description = "The old server.")
    String source;

    @Mixin
    SourceFlags sourceFlags = new SourceFlags();

    @Option(names = "--target", paramLabel = "CONN", description = "The new server.")
    String target;

    @Mixin
    TargetFlags targetFlags = new TargetFlags();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", converter = AtLeast.One.class,
            description = "Tables copied at the same time, shared by the databases copied at once (the largest "
                    + "database gets the largest share). Default: the number of CPU cores, at most 8.")
    Integer jobs;

    @Option(names = "--databases", paramLabel = "NAME", split = ",",
            description = "Only these databases (comma-separated).")
    List<String> databases = List.of();

    @Option(names = "--exclude-databases", paramLabel = "NAME", split = ",",
            description = "Leave these databases out (comma-separated).")
    List<String> excludeDatabases = List.of();

    @Option(names = "--clean",
            description = "Drop the source's objects from target databases that already have them, instead of refusing.")
    boolean clean;

    @Mixin
    DdlFlags ddl = new DdlFlags();

    @Mixin
    FilterOptions filter = new FilterOptions();

    @Option(names = "--target-profile", paramLabel = "PROFILE", defaultValue = "auto",
            description = "For the roles, as pgshift roles: auto (default: detect from the target), generic, azure, "
                    + "rds or cloudsql.")
    String profile;

    @Option(names = "--role-map", paramLabel = "OLD=NEW",
            description = "For the roles, as pgshift roles: source role OLD's memberships and grants go to target "
                    + "role NEW. Repeatable.")
    List<String> roleMap = new ArrayList<>();

    @Option(names = "--no-role-passwords", description = "Move roles without their passwords; those that had one "
            + "are listed.")
    boolean noRolePasswords;

    @Option(names = "--keep-role-grants",
            description = "A target user that is not a superuser (a managed service's admin) grants itself "
                    + "membership in the roles that own the source's objects, to give them their objects, and takes "
                    + "it back when the upgrade ends; keep it instead.")
    boolean keepRoleGrants;

    @Option(names = "--ignore-check-errors",
            description = "Go ahead although the pre-flight check found errors (they are still reported). The "
                    + "upgrade then fails where the check said it would, unless the check was wrong.")
    boolean ignoreCheckErrors;

    @Option(names = "--no-analyze", description = "Skip ANALYZE after the copies.")
    boolean noAnalyze;

    @Option(names = "--analyze-in-stages", description = "ANALYZE in three stages, statistics targets 1, 10, then "
            + "the default, each over every table, so the applications can come back after the first.")
    boolean analyzeInStages;

    @Option(names = "--no-verify", description = "Skip the verification of every database against its source.")
    boolean noVerify;

    @Option(names = "--online",
            description = "Copy each database online (as copy --online): its target then follows it with logical "
                    + "replication until pgshift cutover, given this command's --source and --target, cuts every "
                    + "database over. Each cutover verifies its database, so the upgrade's own verification is "
                    + "skipped.")
    boolean online;

    @Mixin
    OnlineFlags onlineFlags = new OnlineFlags();

    @Mixin
    ResumeFlags resumeFlags = new ResumeFlags();

    @Option(names = "--settings-script", paramLabel = "FILE",
            description = "Write the ALTER SYSTEM statements that give the target the source's non-default settings "
                    + "to FILE (a new file), as pgshift compare settings --script; for a managed target, notes on "
                    + "where the provider takes them. Nothing is run.")
    Path settingsScript;

    @Mixin
    ReportOption report = new ReportOption();

    @Option(names = "--no-report", description = "Write no report. Without --report, the upgrade writes its JSON "
            + "report to pgshift-upgrade-YYYYMMDD-HHMMSS.json in the current directory.")
    boolean noReport;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    LockWaitFlag lockWait = new LockWaitFlag();

    @Mixin
    Verbose verbose = new Verbose();

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (resumeFlags.resume && (clean || online)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), clean
                    ? "--resume goes on with an interrupted upgrade, --clean starts over"
                    : "--resume goes on with an offline upgrade; an online one that failed is ended with pgshift "
                            + "abort, then started again");
        }
        UpgradeOptions options = new UpgradeOptions(source(Environment.system()), target(Environment.system()),
                jobs != null ? jobs : CopyCommand.defaultJobs(), databases, excludeDatabases,
                ddl.toOptions(), filter.toFilter(), clean, !noAnalyze, analyzeInStages,
                !noVerify,
                new RoleOptions(TargetProfile.of(profile), RoleOptions.parseRoleMap(roleMap), noRolePasswords, false,
                        false), keepRoleGrants, ignoreCheckErrors, settingsScript,
                online ? onlineFlags.choice() : null, resumeFlags.resume, resumeFlags.stateDir);
        onlineFlags.requireOnline(spec.commandLine(), online, false, "");
        String sourceFromTarget = onlineFlags.sourceFromTarget;
        if (sourceFromTarget != null && ConnInfo.isConnectionString(sourceFromTarget)
                && sourceFromTarget.contains("://")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--source-from-target takes "
                    + "key=value pairs here (each database's name is added to them), not a URI");
        }
        if (settingsScript != null && Files.exists(settingsScript)) {
            // Found now rather than at the settings step, hours into the run.
            throw new PgShiftException(ErrorCode.IO, settingsScript + " already exists; choose a new file name");
        }
        return output.run(spec, progress -> {
            ReportSession session = ReportOption.session(reportFile(), "upgrade", options.source().describe(),
                    options.target().describe(), progress);
            Upgrade upgrade = new Upgrade(options, session.listener());
            UpgradeReport result = runReporting(upgrade, session);
            progress.close();
            UpgradeSummary.print(result, out);
            if (online && result.succeeded()) {
                out.println("the target's databases follow the source's: see pgshift status, then pgshift cutover "
                        + "(or pgshift abort), each with --source and --target naming the servers without a database");
            }
            ReportOption.written(session, out);
            if (!result.succeeded()) {
                throw result.failure() == null
                        ? new PgShiftException(ErrorCode.INTERRUPTED, "the upgrade did not finish")
                        : new PgShiftException(result.failure().code(), result.failure().step().label() + ": "
                                + result.failure().message());
            }
            return 0;
        });
    }

    /** --report's file; without it, a new file in the current directory named after the time, unless --no-report. */
    Path reportFile() {
        if (noReport) {
            return null;
        }
        return report.file != null ? report.file
                : Path.of("pgshift-upgrade-" + DEFAULT_NAME_TIME.format(LocalDateTime.now()) + ".json");
    }

    ConnInfo source(Environment env) {
        return maintenance(ConnectionArgument.required(spec.commandLine(), "--source", source, sourceFlags.flags(),
                env).withLockTimeout(lockWait.timeout));
    }

    /**
     * A whole server is reached through one of its databases. Without one named, the postgres database, as
     * pg_dumpall does: libpq's default, a database named as the user, rarely exists.
     */
    private static ConnInfo maintenance(ConnInfo server) {
        return server.namesDatabase() ? server : server.withDatabase("postgres");
    }

    ConnInfo target(Environment env) {
        return maintenance(ConnectionArgument.required(spec.commandLine(), "--target", target, targetFlags.flags(),
                env));
    }

    /**
     * Runs the upgrade and writes the report whatever happens: after a failure, and from a shutdown hook when
     * the process is stopped (Ctrl-C), with what finished by then.
     */
    private static UpgradeReport runReporting(Upgrade upgrade, ReportSession session) {
        session.interruptedWrites(() -> UpgradeContents.of(upgrade.report(), session.started()));
        UpgradeReport result;
        try {
            result = upgrade.run();
        } catch (RuntimeException e) {
            session.failed(e, UpgradeContents.of(upgrade.report(), session.started()));
            throw e;
        }
        Failure failure = result.failure();
        int exitCode = failure != null ? failure.code().exitCode()
                : result.succeeded() ? 0 : ErrorCode.INTERRUPTED.exitCode();
        session.finish(result.succeeded(), exitCode,
                failure == null ? null : failure.step().label() + ": " + failure.message(),
                UpgradeContents.of(result, session.started()));
        return result;
    }
}
