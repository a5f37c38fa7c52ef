package io.pgshift.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;


import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.analyze.Analyze;
import io.pgshift.analyze.AnalyzeResult;
import io.pgshift.analyze.AnalyzeTable;
import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ExtensionSource;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.SourceContext;
import io.pgshift.catalog.SourceWarnings;
import io.pgshift.ddl.InheritedColumnOrder;
import io.pgshift.catalog.Table;
import io.pgshift.catalog.TableLayout;
import io.pgshift.connect.Connector;
import io.pgshift.data.DurablePoint;
import io.pgshift.data.SessionSettings;
import io.pgshift.data.LargeObjectCopier;
import io.pgshift.data.Snapshot;
import io.pgshift.data.TableCopier;
import io.pgshift.ddl.DdlWriter;
import io.pgshift.roles.RoleAccess;
import io.pgshift.ddl.TargetSession;
import io.pgshift.plan.Entry;
import io.pgshift.plan.Plan;
import io.pgshift.plan.Planner;
import io.pgshift.object.Section;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;
import io.pgshift.progress.Phase;
import io.pgshift.Errors;
import io.pgshift.connect.Connections;
import io.pgshift.object.Kind;
import io.pgshift.object.Rows;
import io.pgshift.data.CopyStatements;

/**
 * Copies one database from a source server into a target server, streamed: schema, then the rows of every
 * table in parallel from one consistent snapshot, then indexes and constraints, then ANALYZE.
 */
public final class CopyRun {
    private final CopyOptions options;
    private final ProgressListener listener;
    private final List<PhaseResult> phases = new ArrayList<>();
    private final List<TableResult> tables = Collections.synchronizedList(new ArrayList<>());
    /** Index, key and constraint build times, in nanoseconds, by the display name of their table. */
    private final Map<String, Long> indexNanos = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    public CopyRun(CopyOptions options, ProgressListener listener) {
        this.options = options;
        this.listener = new ProgressListener() {
            @Override
            public void phaseStarted(Progress progress) {
                listener.phaseStarted(progress);
            }

            @Override
            public void itemDone(Progress progress, String item, long rows, long bytes, Duration took) {
                listener.itemDone(progress, item, rows, bytes, took);
            }

            @Override
            public void phaseFinished(Progress progress) {
                listener.phaseFinished(progress);
            }

            @Override
            public void warning(String message) {
                warnings.add(message);
                listener.warning(message);
            }

            @Override
            public void info(String message) {
                listener.info(message);
            }
        };
    }

    /** The copy's workers while it runs, for {@link #cancel()} from another thread. */
    private volatile List<CopyWorker> running = List.of();

    /**
     * Cancels the statements the copy runs on both servers, from another thread: the copy then fails as a
     * statement failure. For a caller that gives the copy up, such as online mode when its slot holds more WAL
     * than allowed; Ctrl-C goes through the process's shutdown instead.
     */
    public void cancel() {
        for (CopyWorker w : running) {
            Connections.cancel(w.source);
            Connections.cancel(w.target);
        }
    }

    /** A snapshot exported by another session (a replication slot's) to copy in, instead of one of the copy's own. */
    private String givenSnapshot;

    /**
     * Copies in a snapshot another session exported and keeps open for the whole copy, such as the one a logical
     * replication slot is made with: the copy then holds exactly the rows that the slot's changes follow.
     */
    public CopyRun inSnapshot(String exportedSnapshot) {
        this.givenSnapshot = exportedSnapshot;
        return this;
    }

    /** Reads the source and returns the statements the copy would run, in order, without touching the target. */
    public Plan plan() {
        try (Connection source = Connector.open(options.source())) {
            ServerVersion version = sourceVersion(source);
            SessionSettings.applySource(source, version);
            Snapshot.export(source);
            Catalog catalog = options.filter().apply(new CatalogReader(source, version).read());
            Snapshot.end(source);
            // The target is not asked: its user is the one the connection names, unless its settings change role,
            // and it is empty, as a copy without --clean requires.
            return Planner.order(writer(catalog, options.target().actingUser(), !options.clean()).entries())
                    .without(options.filter().excludedData(catalog));
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED,
                    "could not read the source catalog: " + Errors.firstLine(e), e);
        }
    }

    /**
     * The copy's DDL writer, for sessions of the given target user. Tables that get their keys before their
     * rows, every table of a schema-only copy and the small ones, have their keys declared in CREATE TABLE.
     */
    private DdlWriter writer(Catalog catalog, String targetUser, boolean startsEmpty) {
        return new DdlWriter(catalog, options.ddl(), new TargetSession(targetUser, startsEmpty,
                t -> options.schemaOnly() || t.bytes() <= SmallTableIndexes.SMALL_TABLE_BYTES));
    }

    /** The resume log of this copy, once the plan is known. */
    private Resumption resumption;

    public CopyResult run() {
        try {
            return copy();
        } catch (SQLException e) {
            // Only source sessions wait for locks with a timeout (--lock-wait-timeout).
            throw new PgShiftException(Errors.lockTimeout(e) ? ErrorCode.SOURCE_FAILED : ErrorCode.MIGRATION_FAILED,
                    Errors.firstLine(e), e);
        }
    }

    private CopyResult copy() throws SQLException {
        Progress prepare = start(Phase.PREPARE, 0, 0);
        List<CopyWorker> workers = new java.util.concurrent.CopyOnWriteArrayList<>();
        running = workers;
        Connection[] leaderSession = new Connection[1];
        RoleAccess.Grants grants = null;
        try (TargetDatabase targetDatabase = new TargetDatabase(options.target(), listener)) {
            // Every session that the catalog read needs logs in at once: the leader, the target's maintenance
            // session, the copiers' source sessions, which read the catalog with the leader, and their target
            // sessions when the target database exists already. A failure is reported in that order.
            int copiers = options.jobs();
            for (int i = 0; i < copiers; i++) {
                workers.add(CopyWorker.copier());
            }
            AtOnce.run(2 + 2 * copiers, i -> {
                if (i == 0) {
                    leaderSession[0] = Connector.open(options.source());
                } else if (i == 1) {
                    targetDatabase.version();
                } else if (i < 2 + copiers) {
                    workers.get(i - 2).connectSource(options);
                } else {
                    workers.get(i - 2 - copiers).connectTargetIfExists(options);
                }
            });
            Connection leader = leaderSession[0];
            ServerVersion sourceVersion = sourceVersion(leader);
            SessionSettings.applySource(leader, sourceVersion);
            ServerVersion targetVersion = targetVersion(targetDatabase, sourceVersion);
            String snapshot;
            if (givenSnapshot != null) {
                Snapshot.join(leader, givenSnapshot);
                snapshot = givenSnapshot;
            } else {
                snapshot = Snapshot.export(leader);
            }
            for (CopyWorker w : workers) {
                w.prepareSource(sourceVersion);
                if (w.target != null) {
                    w.prepareTarget(targetVersion);
                }
            }
            List<Connection> readers = workers.stream().map(w -> w.source).toList();
            CatalogReader reader = new CatalogReader(leader, sourceVersion);
            if (options.schemaOnly()) {
                reader = reader.forSchemaOnly();
            }
            for (Connection r : readers) {
                Snapshot.join(r, snapshot);
            }
            CatalogReader.Reading reading = reader.readWithIncompatibilities(readers);
            Catalog catalog = options.filter().apply(reading.catalog());
            for (Connection r : readers) {
                Snapshot.end(r);
            }
            Compatibility.check(reading.incompatibilities(), targetVersion, options.target().describe());
            TargetCompatibility.check(catalog, targetVersion);
            // A dependency loop that cannot be broken is found now, before the target is touched. The statements
            // depend on the target session's user and on whether the database starts empty: the plan is made again
            // below when those turn out otherwise than assumed here.
            String assumedUser = options.target().actingUser();
            Plan trial = Planner.order(writer(catalog, assumedUser, true).entries());
            SourceContext context = new SourceContext(leader, sourceVersion);
            targetDatabase.checkCanHold(catalog, ExtensionSource.extensions(context));
            SourceWarnings.read(context).forEach(listener::warning);
            InheritedColumnOrder.notKept(catalog).forEach(listener::warning);
            if (!options.schemaOnly()) {
                SourceReads.require(context, catalog, options.filter(), TargetDatabase.currentUser(leader));
                RowMemory.require(context, catalog, options.filter().excludedData(catalog), options.jobs());
            }
            targetDatabase.checkSuperuserObjects(context);
            grants = OwnerAccess.prepare(options, context, targetDatabase.maintenance(), listener);
            Set<ObjectRef> leftOut = targetDatabase.builtInPrivilegesLeftOut(trial.entries());
            targetDatabase.checkSecurityLabels(trial.entries());
            if (options.dataOnly()) {
                targetDatabase.requireExisting("a data-only copy (-a) loads tables that exist: create them first "
                        + "(copy -s)");
            }
            boolean created = targetDatabase.createIfMissing(catalog.database(), options.ddl().noOwner());
            targetDatabase.close();
            // Index builders wait for rows; a schema-only copy has none, so its copiers build what is left.
            for (int i = 0; i < (options.schemaOnly() ? 0 : options.indexJobs()); i++) {
                workers.add(CopyWorker.indexer());
            }
            AtOnce.run(workers.size(), i -> {
                if (workers.get(i).target == null) {
                    workers.get(i).openTarget(options, targetVersion);
                }
            });
            // The first copier's target session also checks the target, and commits durably at the end.
            Connection target = workers.get(0).target;
            ResumeLog log = logOf(options);
            boolean startsEmpty = !options.dataOnly()
                    && (options.resume() || ensureEmpty(targetDatabase, target, catalog, log));
            if (options.dataOnly() && log.exists()) {
                throw new PgShiftException(ErrorCode.TARGET_NOT_EMPTY, "target database "
                        + options.target().describe() + " holds an interrupted copy of this source, which a data-only "
                        + "copy cannot finish; nothing was written: finish it with copy --resume, or start over with "
                        + "copy --clean");
            }
            Set<Long> emptyLargeObjects = options.dataOnly()
                    ? checkDataOnlyTarget(target, catalog, trial.without(options.filter().excludedData(catalog)))
                    : Set.of();
            String targetUser = TargetDatabase.currentUser(target);
            Plan plan = (startsEmpty && targetUser.equals(assumedUser) ? trial
                    : Planner.order(writer(catalog, targetUser, startsEmpty).entries()))
                    .without(options.filter().excludedData(catalog)).without(leftOut);
            if (options.resume() && !log.exists()) {
                throw new PgShiftException(ErrorCode.USAGE, "there is no interrupted copy of "
                        + options.source().describe() + " into " + options.target().describe() + " to resume ("
                        + log.file() + " does not exist)");
            }
            resumption = Resumption.begin(log, options.resume(), plan.entries(), leader, listener::warning);
            Set<String> finished = resumption.resuming() ? resumption.finished(target, targetVersion) : Set.of();
            workers.forEach(w -> resumption.noteSession(w.target));
            finish(prepare);

            Map<Long, Table> allTables = new HashMap<>();
            catalog.tables().forEach(t -> allTables.put(t.oid(), t));
            SmallTableIndexes.Folded folded = SmallTableIndexes.fold(plan, allTables);
            // A data-only copy creates no definitions, but large objects are data: they are created with their contents.
            List<Entry> preData = options.dataOnly() ? folded.plan().section(Section.PRE_DATA).stream()
                    .filter(e -> e.kind() == Kind.LARGE_OBJECT && !emptyLargeObjects.contains(e.ref().oid())).toList()
                    : folded.plan().section(Section.PRE_DATA);
            if (!resumption.resuming()) {
                Progress schema = start(Phase.SCHEMA, preData.size(), 0);
                ParallelStatements.run(workers.stream().limit(Math.max(1, options.jobs())).map(w -> w.target)
                        .toList(), preData, schema, listener);
                // The rows go into tables that a crash of the target must not take back, nor the log's word that
                // the schema is done.
                durable(target, targetVersion);
                finish(schema);
                resumption.schemaDone();
            }

            DataRetry retry = new DataRetry(options.faults(), targetVersion, listener, resumption::noteSession);
            retry.watchRestarts(target);
            loadAndIndex(folded, catalog, workers, leader, sourceVersion, snapshot, retry, finished);
            // A worker whose connections were lost has new ones; one that was idle when the target restarted gets
            // them now.
            target = retry.alive(workers.get(0), "the copy's last checks");
            retry.checkNothingLost(target);
            if (!options.dataOnly()) {
                ObjectTally.check(target, targetVersion, ObjectTally.of(catalog, plan), "copy");
            }
            Snapshot.end(leader);
            for (CopyWorker w : workers) {
                w.closeSource();
            }
            durable(target, targetVersion);
            resumption.complete();
            if (options.analyze()) {
                // ANALYZE opens sessions of its own; the copy's are no longer needed.
                workers.forEach(CopyWorker::close);
                analyze(catalog);
            }
            return new CopyResult(options.source().describe(), options.target().describe(),
                    sourceVersion.major(), targetVersion.major(), created,
                    options.dataOnly() ? Map.of() : countObjects(plan), List.copyOf(phases),
                    sortedTables(), List.copyOf(warnings));
        } finally {
            if (resumption != null) {
                resumption.close();
                if (options.dataOnly()) {
                    // A data-only copy that failed is run again, never resumed: a full copy's --resume would take
                    // its log for one whose definitions are all there.
                    try {
                        resumption.complete();
                    } catch (PgShiftException e) {
                        listener.warning(e.getMessage());
                    }
                }
            }
            for (CopyWorker w : workers) {
                w.close();
            }
            Connections.closeQuietly(leaderSession[0]);
            if (grants != null && !options.keepRoleGrants()) {
                RoleAccess.release(options.target(), grants).forEach(listener::warning);
            }
        }
    }

    /**
     * Copies the rows and builds the indexes and constraints in one schedule: a table's indexes start as soon
     * as its rows are in, on the index sessions, while the copiers go on with the next tables, largest first.
     * Copiers build indexes too once no rows are left. Foreign keys come last of all, as they read both tables.
     */
    private void loadAndIndex(SmallTableIndexes.Folded folded, Catalog catalog, List<CopyWorker> workers,
                              Connection leader, ServerVersion sourceVersion, String snapshot, DataRetry retry,
                              Set<String> finished) throws SQLException {
        Plan plan = folded.plan();
        Map<Long, Table> byOid = new HashMap<>();
        catalog.tables().stream().filter(Table::hasRows).forEach(t -> byOid.put(t.oid(), t));
        TableSplits splits = new TableSplits();
        // A resumed copy loads a table it has to load again whole, in one transaction that empties it first: some
        // of its ranges may have committed, and rows are never deleted by a guess at a range.
        List<Entry> data = options.schemaOnly() ? List.of()
                : splits.expand(unfinished(plan.section(Section.DATA), finished), byOid, leader, sourceVersion,
                        resumption.resuming() || options.disableTriggers() ? 0 : options.splitTablesLargerThan(),
                        options.splitParts());
        // A data-only copy's tables have their indexes and constraints already.
        List<Entry> post = options.dataOnly() ? List.of() : unfinished(plan.section(Section.POST_DATA), finished);
        List<Entry> work = new ArrayList<>(data);
        work.addAll(post);
        long items = data.stream()
                .filter(e -> e.kind() != Kind.SEQUENCE_SET && e.kind() != Kind.TABLE_DATA_PART).count();
        Progress rows = start(Phase.DATA, items, options.schemaOnly() ? 0 : catalog.totalTableBytes());
        rows.estimateRows(data.stream().filter(e -> e.kind() == Kind.TABLE_DATA).map(e -> byOid.get(e.ref().oid()))
                .filter(java.util.Objects::nonNull).mapToLong(t -> Math.max(0, t.estimatedRows())).sum());
        Progress indexes = start(Phase.INDEXES, post.size(), 0);
        AtomicInteger dataLeft = new AtomicInteger(data.size());
        if (data.isEmpty()) {
            finish(rows);
        }
        Comparator<Entry> order = Comparator.comparing((Entry e) -> e.section() != Section.DATA)
                .thenComparing(e -> e.kind() == Kind.FOREIGN_KEY)
                .thenComparingLong(e -> e.kind() == Kind.TABLE_DATA || e.kind() == Kind.TABLE_DATA_PART
                        ? -byOid.getOrDefault(e.ref().oid(), EMPTY).bytes() : 0);
        Set<ObjectRef> done = createdBefore(plan, Section.DATA);
        plan.entries().stream().filter(e -> finished.contains(Resumption.step(e))).forEach(e -> done.add(e.ref()));
        // Small tables' keys and indexes were created with their tables.
        done.addAll(folded.refs());
        if (options.schemaOnly()) {
            plan.section(Section.DATA).forEach(e -> done.add(e.ref()));
        }
        Scheduler<CopyWorker> scheduler = new Scheduler<CopyWorker>(work, done, order)
                .avoiding(TableLocks.of(plan.entries()));
        try (StallWatchdog watchdog = StallWatchdog.start(workers, options.faults().stallTimeout())) {
            runAll(scheduler, workers, byOid, splits, rows, indexes, dataLeft, snapshot, retry);
        }
        finish(indexes);
    }

    private void runAll(Scheduler<CopyWorker> scheduler, List<CopyWorker> workers, Map<Long, Table> byOid,
                        TableSplits splits, Progress rows, Progress indexes, AtomicInteger dataLeft, String snapshot,
                        DataRetry retry) {
        scheduler.run(workers, (w, e) -> {
            long start = System.nanoTime();
            if (e.section() == Section.DATA) {
                copy(w, e, byOid, splits, rows, snapshot, start, retry);
                if (e.kind() != Kind.TABLE_DATA_PART) {
                    resumption.done(e);
                }
                if (dataLeft.decrementAndGet() == 0) {
                    finish(rows);
                }
            } else {
                // An interrupted run may have made part of it, a key's index without its constraint, or all.
                retry.build(w, e, resumption.resuming());
                resumption.done(e);
                indexes.itemDone(0);
                long took = System.nanoTime() - start;
                Table table = e.table() == null ? null : byOid.get(e.table().oid());
                if (table != null) {
                    indexNanos.merge(table.displayName(), took, Long::sum);
                }
                listener.itemDone(indexes, e.toString(), 0, 0, Duration.ofNanos(took));
            }
        });
    }

    /**
     * One DATA entry. Each table is read in a transaction of its own that imports the shared snapshot, so the
     * source releases the table's lock when it is done: a session that held every table's lock until the end
     * would run out of lock slots on a schema with tens of thousands of tables.
     */
    private void copy(CopyWorker w, Entry e, Map<Long, Table> byOid, TableSplits splits, Progress progress,
                      String snapshot, long start, DataRetry retry) throws Exception {
        TableSplits.Tally tally = splits.tally(e.ref().oid());
        switch (e.kind()) {
            case TABLE_DATA_PART -> {
                Table table = byOid.get(e.ref().oid());
                String range = ((Rows.Range) e.rows()).condition();
                TableCopier.Result r = retry.load(w, e.name(), progress, inSnapshot(w, snapshot,
                        bytes -> TableCopier.copyRange(w.source, w.target,
                                CopyStatements.outRange(w.source, table, range, tally.format()),
                                CopyStatements.in(CopyStatements.target(table), tally.format(), false), bytes)));
                tally.partDone(r, start, System.nanoTime());
            }
            case TABLE_DATA -> {
                Table table = byOid.get(e.ref().oid());
                if (tally != null) {
                    // The marker of a split table: its parts are all in, so the table is done.
                    tableDone(progress, table.displayName(), tally.total(), tally.wallTime(), tally.parts());
                    return;
                }
                if (emptyAtSnapshot(table)) {
                    // Nothing to read and nothing to write: two sessions' transactions and a commit spared, which
                    // on a schema of thousands of empty tables was most of the data phase.
                    dataDone(progress, table.displayName(), new TableCopier.Result(0, 0), start);
                    return;
                }
                TableCopier.Result r = retry.load(w, table.displayName(), progress, id -> resumption.began(e, id),
                        inSnapshot(w, snapshot, bytes -> options.dataOnly()
                                ? TableCopier.append(w.source, w.target, table, options.disableTriggers()
                                        ? io.pgshift.sql.Sql.qualified(table.schema(), table.name()) : null, bytes)
                                : TableCopier.copy(w.source, w.target, table, bytes)));
                dataDone(progress, table.displayName(), r, start);
            }
            case EXTENSION_TABLE_DATA -> {
                TableCopier.Result r = retry.load(w, e.name(), progress, id -> resumption.began(e, id),
                        inSnapshot(w, snapshot, bytes -> TableCopier.copySelected(w.source, w.target,
                                CopyStatements.out((Rows.Selected) e.rows()),
                                CopyStatements.in((Rows.Selected) e.rows()), bytes)));
                dataDone(progress, e.name(), r, start);
            }
            case LARGE_OBJECT_DATA -> {
                // lo_put writes the same bytes at the same offsets again: another attempt is harmless.
                TableCopier.Result r = retry.load(w, "large object " + e.name(), progress, inSnapshot(w, snapshot,
                        bytes -> new TableCopier.Result(0, LargeObjectCopier.copy(w.source, w.target, e.ref().oid(),
                                bytes))));
                progress.itemDone(0);
                listener.itemDone(progress, "large object " + e.name(), 0, r.bytes(),
                        Duration.ofNanos(System.nanoTime() - start));
            }
            default -> {
                for (String sql : e.sql()) {
                    PrivilegeWarnings.execute(w.target, sql);
                }
            }
        }
    }

    /** Waits until the target has on disk what the copy committed: see {@link DurablePoint}. */
    private void durable(Connection target, ServerVersion targetVersion) throws SQLException {
        if (!DurablePoint.reach(target, targetVersion)) {
            listener.warning(DurablePoint.notConfirmed());
        }
    }

    private static List<Entry> unfinished(List<Entry> entries, Set<String> finished) {
        return finished.isEmpty() ? entries : entries.stream().filter(e -> !finished.contains(Resumption.step(e)))
                .toList();
    }

    /**
     * A data-only copy's target, checked before anything is written: its tables there and empty, its large objects
     * without contents, and, with --disable-triggers, a user that may disable the tables' triggers.
     */
    private Set<Long> checkDataOnlyTarget(Connection target, Catalog catalog, Plan plan) throws SQLException {
        Map<Long, Table> byOid = new HashMap<>();
        catalog.tables().stream().filter(Table::hasRows).forEach(t -> byOid.put(t.oid(), t));
        List<String> tables = plan.section(Section.DATA).stream().filter(e -> e.kind() == Kind.TABLE_DATA)
                .map(e -> byOid.get(e.ref().oid())).filter(java.util.Objects::nonNull)
                .map(t -> io.pgshift.sql.Sql.qualified(t.schema(), t.name())).toList();
        List<Long> largeObjects = plan.section(Section.DATA).stream().filter(e -> e.kind() == Kind.LARGE_OBJECT_DATA)
                .map(e -> e.ref().oid()).toList();
        Set<Long> empty = DataOnlyTarget.check(target, tables, largeObjects);
        if (options.disableTriggers()) {
            TriggerAccess.require(target, tables);
        }
        return empty;
    }

    /** Whether a copy with these options was interrupted and left a resume log that --resume would go on from. */
    public static boolean interrupted(CopyOptions options) {
        return logOf(options).exists();
    }

    private static ResumeLog logOf(CopyOptions options) {
        return ResumeLog.of(options.stateDirectory(), "copy", options.source().describe(), options.target().describe());
    }

    /**
     * Refuses a target that is not empty without --clean, saying so when it is an interrupted copy's that --resume
     * can finish.
     */
    private boolean ensureEmpty(TargetDatabase targetDatabase, Connection target, Catalog catalog, ResumeLog log)
            throws SQLException {
        try {
            return targetDatabase.ensureEmpty(target, catalog, options.clean());
        } catch (PgShiftException e) {
            if (e.code() != ErrorCode.TARGET_NOT_EMPTY || !log.exists()) {
                throw e;
            }
            throw new PgShiftException(ErrorCode.TARGET_NOT_EMPTY, e.getMessage() + "; it holds an interrupted copy "
                    + "of this source: run the same command with --resume to finish it", e);
        }
    }

    /**
     * The load, read in a source transaction of its own that imports the run's snapshot: the source releases the
     * table's lock when it ends.
     */
    private static DataRetry.Load inSnapshot(CopyWorker w, String snapshot, DataRetry.Load load) {
        return bytes -> {
            Snapshot.join(w.source, snapshot);
            TableCopier.Result r = load.run(bytes);
            Snapshot.end(w.source);
            return r;
        };
    }

    /**
     * Whether the table had no rows when the catalog was read, in the run's snapshot: a heap table without a single
     * page holds none. Its size is read in the same snapshot, and a TRUNCATE after it, which alone could empty
     * pages of rows the snapshot sees, hides those rows from the snapshot too (TRUNCATE is not MVCC-safe). Another
     * access method may keep its rows elsewhere than in its pages, so only heap tables count; a schema-only
     * catalog has no sizes, but copies no rows either.
     */
    private static boolean emptyAtSnapshot(Table table) {
        String am = table.layout().accessMethod();
        return table.bytes() == 0 && (am == null || "heap".equals(am));
    }

    private void dataDone(Progress progress, String name, TableCopier.Result r, long startNanos) {
        tableDone(progress, name, r, Duration.ofNanos(System.nanoTime() - startNanos), 1);
    }

    private void tableDone(Progress progress, String name, TableCopier.Result r, Duration took, int parts) {
        progress.itemDone(r.rows());
        tables.add(new TableResult(name, r.rows(), r.bytes(), took, parts, Duration.ZERO));
        listener.itemDone(progress, parts > 1 ? name + " (" + parts + " parts)" : name, r.rows(), r.bytes(), took);
    }

    private static final Table EMPTY = new Table(0, "", "", null, 'p', List.of(), 0, 0, null, null,
            TableLayout.PLAIN);

    /** Every copied table, with as many sessions as the copy had. */
    private void analyze(Catalog catalog) {
        String database = options.target().dbname();
        List<AnalyzeTable> tables = catalog.tables().stream()
                .map(t -> new AnalyzeTable(database, t.schema(), t.name(), t.bytes())).toList();
        AnalyzeResult result = Analyze.tables(options.target(), tables, options.jobs() + options.indexJobs(), false,
                listener);
        phases.add(new PhaseResult(Phase.ANALYZE, result.tables(), 0, 0, result.took()));
    }

    private static Set<ObjectRef> createdBefore(Plan plan, Section section) {
        Set<ObjectRef> done = new HashSet<>();
        for (Entry e : plan.entries()) {
            if (e.section().compareTo(section) < 0) {
                done.add(e.ref());
            }
        }
        return done;
    }

    private ServerVersion sourceVersion(Connection source) throws SQLException {
        ServerVersion version = CatalogReader.versionOf(source);
        if (version.compareTo(ServerVersion.OLDEST_SUPPORTED) < 0) {
            throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION, "source " + options.source().describe()
                    + " runs PostgreSQL " + version + "; pgshift supports sources from 9.6 on");
        }
        return version;
    }

    private ServerVersion targetVersion(TargetDatabase target, ServerVersion sourceVersion) throws SQLException {
        ServerVersion version = target.version();
        if (version.majorNumber() < sourceVersion.majorNumber()) {
            throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION, "target " + options.target().describe()
                    + " runs PostgreSQL " + version + ", older than the source's " + sourceVersion
                    + "; pgshift only copies to the same or a newer major version");
        }
        return version;
    }

    private Progress start(Phase phase, long items, long bytes) {
        Progress progress = new Progress(phase, items, bytes);
        listener.phaseStarted(progress);
        return progress;
    }

    private void finish(Progress progress) {
        phases.add(new PhaseResult(progress.phase(), progress.itemsDone(), progress.rowsDone(), progress.bytesDone(),
                progress.elapsed()));
        listener.phaseFinished(progress);
    }

    private static Map<String, Integer> countObjects(Plan plan) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Entry e : plan.entries()) {
            if (e.section() != Section.DATA) {
                counts.merge(e.kind().label(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private List<TableResult> sortedTables() {
        List<TableResult> sorted = new ArrayList<>();
        for (TableResult t : tables) {
            sorted.add(t.withIndexTime(Duration.ofNanos(indexNanos.getOrDefault(t.table(), 0L))));
        }
        sorted.sort(Comparator.comparing((TableResult t) -> t.copyTime().plus(t.indexTime())).reversed());
        return sorted;
    }
}
