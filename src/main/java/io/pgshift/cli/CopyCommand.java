package io.pgshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.plan.Entry;
import io.pgshift.plan.Plan;
import io.pgshift.object.Section;
import io.pgshift.report.CopyContents;
import io.pgshift.report.ReportSession;
import io.pgshift.run.CopyOptions;
import io.pgshift.run.CopyResult;
import io.pgshift.run.CopyRun;
import io.pgshift.object.Kind;
import io.pgshift.object.Rows;
import io.pgshift.data.CopyStatements;
import io.pgshift.online.OnlineCopy;
import io.pgshift.online.OnlineCopyResult;
import io.pgshift.online.OnlineChoice;
import io.pgshift.online.OnlineOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "copy", sortOptions = false,
        description = {
            "Copy one database from a source server into a target server, streamed: no files, no client binaries.",
            "The schema is created first, then every table's rows move from source COPY to target COPY in parallel, "
                + "all from one consistent snapshot; indexes and constraints follow, then ANALYZE.",
            "Connections are libpq URIs (postgresql://user@host:5432/db?sslmode=require) or key=value strings "
                + "(\"host=db1 dbname=app user=admin sslmode=verify-full\"); --source-host, --target-port and the "
                + "like replace one value of them, and PG* environment variables and ~/.pgpass fill in what is not "
                + "given."})
final class CopyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "CONN", description = "The database to copy from.")
    String source;

    @Mixin
    SourceFlags sourceFlags = new SourceFlags();

    @Option(names = "--target", paramLabel = "CONN",
            description = "The database to copy into; created with the source's encoding and locale if missing.")
    String target;

    @Mixin
    TargetFlags targetFlags = new TargetFlags();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", converter = AtLeast.One.class,
            description = "Tables copied (and indexes built) at the same time. Default: the number of CPU cores, at most 8.")
    Integer jobs;

    @Option(names = "--index-jobs", paramLabel = "M", converter = AtLeast.Zero.class,
            description = "Sessions that only build indexes and constraints, each as soon as its table's rows are in "
                    + "(default: the same as --jobs).")
    Integer indexJobs;

    @Option(names = "--split-tables-larger-than", paramLabel = "SIZE", converter = ByteSize.class,
            description = "Copy a table larger than this (e.g. 500MB, 2GB; 0 never) in several ranges at once: ctid "
                    + "ranges from PostgreSQL 14 on, ranges of a single-column integer primary key before. "
                    + "Default: 1GB.")
    Long splitTablesLargerThan;

    @Option(names = "--split-max-parts", paramLabel = "N", converter = AtLeast.One.class,
            description = "How many ranges such a table is cut into at most (default: the same as --jobs).")
    Integer splitMaxParts;

    @Option(names = {"-s", "--schema-only"}, description = "Create the definitions only; copy no rows.")
    boolean schemaOnly;

    @Option(names = {"-a", "--data-only"},
            description = "Copy only the data section, rows, sequence positions and large objects, into tables that "
                    + "exist and are empty, as pg_dump -a and pg_restore -a do: no definitions, no indexes. A target "
                    + "table that holds rows is refused (exit 7) before anything is written.")
    boolean dataOnly;

    @Option(names = "--disable-triggers",
            description = "With -a, disable each table's triggers, foreign keys' checks among them, while its rows "
                    + "go in, inside the table's own transaction, as pg_restore does. Needs a superuser, or the "
                    + "tables' owner for tables without foreign keys: checked before anything is written.")
    boolean disableTriggers;

    @Option(names = "--clean",
            description = "Drop the source's objects from a target that already has them, instead of refusing it.")
    boolean clean;

    @Option(names = "--no-analyze", description = "Skip ANALYZE after the copy.")
    boolean noAnalyze;

    @Mixin
    ResumeFlags resumeFlags = new ResumeFlags();

    @Option(names = "--online",
            description = "Copy, then keep the target following the source with PostgreSQL's logical replication "
                    + "until pgshift cutover: a publication and a replication slot on the source (10 or later, "
                    + "wal_level logical), a subscription on the target. Returns once the target follows; see "
                    + "pgshift status, cutover and abort.")
    boolean online;

    @Mixin
    OnlineFlags onlineFlags = new OnlineFlags();

    @Option(names = "--follow",
            description = "With --online: stay in the foreground and show the lag until the cutover or an abort "
                    + "ends the online copy. Ctrl-C leaves the target following.")
    boolean follow;

    @Option(names = "--dry-run", description = "Print the statements the copy would run, in order, and stop.")
    boolean dryRun;

    @Option(names = "--keep-role-grants",
            description = "A target user that is not a superuser (a managed service's admin) grants itself "
                    + "membership in the roles that own the source's objects, to give them their objects, and takes "
                    + "it back at the end; keep it instead.")
    boolean keepRoleGrants;

    @Mixin
    DdlFlags ddl = new DdlFlags();

    @Mixin
    FilterOptions filter = new FilterOptions();

    @Mixin
    FaultFlags faults = new FaultFlags();

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    ReportOption report = new ReportOption();

    @Mixin
    LockWaitFlag lockWait = new LockWaitFlag();

    @Mixin
    Verbose verbose = new Verbose();

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public Integer call() throws IOException {
        int copyJobs = jobs != null ? jobs : defaultJobs();
        if (resumeFlags.resume && clean) {
            throw new ParameterException(spec.commandLine(), "--resume goes on with an interrupted copy, --clean "
                    + "starts over: give one of them");
        }
        if (dataOnly && (schemaOnly || clean || online || resumeFlags.resume)) {
            throw new ParameterException(spec.commandLine(), "-a/--data-only cannot be used with "
                    + (schemaOnly ? "-s/--schema-only" : clean ? "--clean: a data-only copy creates nothing to drop"
                    : online ? "--online" : "--resume"));
        }
        if (disableTriggers && !dataOnly) {
            throw new ParameterException(spec.commandLine(), "--disable-triggers is for a data-only copy: add -a");
        }
        PrintWriter out = spec.commandLine().getOut();
        CopyOptions options = new CopyOptions(source(Environment.system()), target(Environment.system()),
                copyJobs, indexJobs != null ? indexJobs : copyJobs, clean, ddl.toOptions(), !noAnalyze && !schemaOnly, schemaOnly, filter.toFilter(),
                splitTablesLargerThan != null ? splitTablesLargerThan : CopyOptions.DEFAULT_SPLIT_THRESHOLD,
                splitMaxParts != null ? splitMaxParts : 0, keepRoleGrants).withFaults(faults.toFaults())
                .withResume(resumeFlags.resume, resumeFlags.stateDir).withDataOnly(dataOnly, disableTriggers);
        if (online) {
            return copyOnline(options, out);
        }
        onlineFlags.requireOnline(spec.commandLine(), false, follow, "--follow");
        if (dryRun) {
            Plan plan = new CopyRun(options, io.pgshift.progress.ProgressListener.NONE).plan();
            printPlan(dataOnly ? new Plan(plan.entries().stream().filter(e -> e.section() == Section.DATA
                    || e.kind() == Kind.LARGE_OBJECT).toList()) : plan, out);
            return 0;
        }
        ReportSession[] session = new ReportSession[1];
        CopyResult result = output.run(spec, progress -> {
            session[0] = report.session("copy", options.source().describe(), options.target().describe(), progress);
            CopyResult copied = session[0].run(() -> new CopyRun(options, session[0].listener()).run(),
                    CopyContents::of);
            progress.close();
            return copied;
        });
        SummaryPrinter.print(result, out);
        ReportOption.written(session[0], out);
        return 0;
    }

    private int copyOnline(CopyOptions options, PrintWriter out) throws IOException {
        if (schemaOnly || resumeFlags.resume || dryRun) {
            throw new ParameterException(spec.commandLine(), "--online copies the rows and then follows them: not "
                    + "with --schema-only, --resume or --dry-run");
        }
        OnlineChoice choice = onlineFlags.choice();
        OnlineOptions onlineOptions = new OnlineOptions(options, choice.sourceFromTarget(),
                choice.replicaIdentityFull(), choice.maxSlotWal(), OnlineOptions.DEFAULT_FOLLOW_TIMEOUT);
        OnlineCopyResult result = output.run(spec, progress -> {
            OnlineCopyResult started = new OnlineCopy(onlineOptions, progress).run();
            progress.close();
            return started;
        });
        SummaryPrinter.print(result.copy(), out);
        out.println(FollowPrinter.line(result.status()));
        out.println("the target follows the source: see pgshift status, then pgshift cutover (or pgshift abort), "
                + "each with the same --source and --target");
        out.flush();
        if (follow) {
            FollowLoop.run(options.source(), options.target(), out);
        }
        return 0;
    }

    ConnInfo source(Environment env) {
        return ConnectionArgument.required(spec.commandLine(), "--source", source, sourceFlags.flags(), env)
                .withLockTimeout(lockWait.timeout);
    }

    ConnInfo target(Environment env) {
        return ConnectionArgument.required(spec.commandLine(), "--target", target, targetFlags.flags(), env);
    }

    static int defaultJobs() {
        return Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    static void printPlan(Plan plan, PrintWriter out) {
        for (Entry e : plan.entries()) {
            out.println("-- " + e.section().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + ": "
                    + e.kind() + " " + e.name());
            if (e.kind() == Kind.LARGE_OBJECT_DATA) {
                out.println("-- (contents are streamed in chunks)");
            } else if (e.rows() instanceof Rows.Selected rows) {
                out.println("-- (the rows the extension selects are streamed from the source with");
                out.println("--  " + CopyStatements.out(rows));
                out.println("--  into " + CopyStatements.in(rows) + ")");
            } else if (e.section() == Section.DATA && e.sql().isEmpty()) {
                out.println("-- (rows are streamed with COPY)");
            }
            for (String sql : e.sql()) {
                out.println(sql + ";");
            }
            out.println();
        }
        out.flush();
    }
}
