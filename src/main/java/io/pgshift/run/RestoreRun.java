package io.pgshift.run;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;
import java.io.OutputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.archive.ArchiveReader;
import io.pgshift.archive.DataFile;
import io.pgshift.archive.DumpDirectory;
import io.pgshift.archive.Manifest;
import io.pgshift.archive.SourceInfo;
import io.pgshift.catalog.DatabaseInfo;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.SecurityLabelSource;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.connect.Connector;
import io.pgshift.data.DurablePoint;
import io.pgshift.data.LoadListener;
import io.pgshift.data.SessionSettings;
import io.pgshift.data.TableCopier;
import io.pgshift.data.TableFiles;
import io.pgshift.sql.Sql;
import io.pgshift.ddl.LeftOut;
import io.pgshift.ddl.StatementKinds;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;
import io.pgshift.roles.RoleAccess;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;
import io.pgshift.progress.Phase;
import io.pgshift.Errors;
import io.pgshift.connect.Connections;
import io.pgshift.object.Kind;

/**
 * Restores a dump directory into a target database: definitions, then every table's rows by several
 * workers (each data file checked against its checksum before its table commits), then indexes and
 * constraints. Every data file is looked at before anything is written, so a dump with a missing file is
 * refused up front.
 */
public final class RestoreRun {
    private final RestoreOptions options;
    private final ProgressListener listener;
    /** The resume log of this restore, once the plan is known; none for a restore that keeps no log. */
    private Resumption resumption = Resumption.none();
    /** The steps an interrupted run finished, on --resume. */
    private Set<String> finished = Set.of();
    /** How a lost or stalled connection is met; set once the target's version is known. */
    private DataRetry retry;

    public RestoreRun(RestoreOptions options, ProgressListener listener) {
        this.options = options;
        this.listener = listener;
    }

    /** The manifest of a dump directory or the table of contents of an archive file, for --list. */
    public static Manifest manifest(java.nio.file.Path dump) {
        if (Files.isDirectory(dump)) {
            return DumpDirectory.open(dump).manifest();
        }
        try (InputStream in = Files.newInputStream(dump)) {
            return new ArchiveReader(new BufferedInputStream(in)).tableOfContents();
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read " + dump + ": " + e.getMessage(), e);
        }
    }

    /**
     * The dump's table of contents, once the dump is known to be whole: every data file of a directory there with
     * its recorded size, every block of an archive read to its end and checked against its checksum. What restore
     * --list prints, so that a damaged dump does not list as a good one.
     */
    public static Manifest checkedManifest(java.nio.file.Path dump) {
        if (Files.isDirectory(dump)) {
            DumpDirectory directory = DumpDirectory.open(dump);
            checkDataFiles(directory, directory.manifest());
            return directory.manifest();
        }
        try (InputStream in = Files.newInputStream(dump)) {
            ArchiveReader archive = new ArchiveReader(new BufferedInputStream(in, 256 * 1024));
            Manifest toc = archive.tableOfContents();
            ArchiveReader.Part part;
            while ((part = archive.next()) instanceof ArchiveReader.Block block) {
                block.rows().transferTo(OutputStream.nullOutputStream());
                block.verify();
            }
            return toc;
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, dump + " is damaged or cut short: " + e.getMessage(), e);
        }
    }

    /** Restores a dump directory. */
    public void run() {
        DumpDirectory directory = DumpDirectory.open(options.directory());
        Manifest manifest = directory.manifest();
        checkDataFiles(directory, manifest);
        restore(manifest, (entries, loaders) -> loadDataAndIndexes(directory, manifest, entries, loaders));
    }

    /**
     * Restores an archive as it streams in, from a file or a pipe: tables are loaded one after the other in
     * the order they arrive, each checked against its checksum before it commits; indexes and constraints
     * are then built by all jobs.
     */
    public void runArchive(InputStream in) {
        try {
            ArchiveReader archive = new ArchiveReader(new BufferedInputStream(in, 256 * 1024));
            Manifest toc = archive.tableOfContents();
            restore(toc, (entries, loaders) -> {
                loadArchive(archive, entries, loaders.get(0));
                if (options.sections().contains(Section.POST_DATA)) {
                    postData(entries, loaders);
                }
            });
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read the archive: " + e.getMessage(), e);
        }
    }

    /** How the rows of a dump reach the target, and then its indexes and constraints are built. */
    private interface DataPhase {
        void load(List<Entry> entries, List<Loader> loaders) throws SQLException, IOException;
    }

    private void restore(Manifest manifest, DataPhase dataPhase) {
        ResumeLog log = resumeLog();
        List<Entry> selected = LeftOut.apply(options.selection().select(manifest.entries()).stream()
                .filter(e -> !(options.ddl().noSecurityLabels() && e.kind() == Kind.SECURITY_LABEL))
                .map(this::withoutExcludedStatements).toList(), options.ddl());
        List<Entry> entries = selected;
        boolean single = options.singleTransaction();
        RoleAccess.Grants grants = null;
        try {
            TargetDatabase target = new TargetDatabase(options.target(), listener);
            try (target) {
                refuseOlderTarget(manifest.source().serverVersion(), target.version());
                target.checkExtensions(entries.stream().filter(e -> e.kind() == Kind.EXTENSION).map(Entry::name)
                        .toList());
                Set<ObjectRef> leftOut = target.builtInPrivilegesLeftOut(selected);
                entries = selected.stream().filter(e -> !leftOut.contains(e.ref())).toList();
                target.checkSecurityLabels(entries);
                grants = actingRoles(entries);
                target.createIfMissing(databaseInfo(manifest.source()), options.ddl().noOwner());
            }
            try (Connection session = Connector.openForScripts(options.target())) {
                ServerVersion version = CatalogReader.versionOf(session);
                SessionSettings.applyTarget(session, version);
                if (single) {
                    SessionSettings.execute(session, "BEGIN");
                }
                if (options.sections().contains(Section.PRE_DATA) && !options.resume()) {
                    if (options.clean()) {
                        drop(session, entries);
                    } else {
                        ensureEmpty(target, session, log);
                    }
                }
                if (log != null) {
                    resumption = Resumption.begin(log, options.resume(), fingerprint(manifest, entries), Map.of(),
                            Resumption.Subject.RESTORE, listener::warning);
                    if (resumption.resuming()) {
                        finished = resumption.finished(session, version);
                    }
                }
                retry = new DataRetry(options.faults(), version, listener, c -> resumption.noteSession(c));
                retry.watchRestarts(session);
                if (options.dataOnly()) {
                    refuseTablesWithRows(session, entries);
                    if (options.disableTriggers()) {
                        TriggerAccess.require(session, entries.stream().filter(e -> e.kind() == Kind.TABLE_DATA)
                                .map(RestoreRun::tableName).toList());
                    }
                }
                List<Loader> loaders = new ArrayList<>();
                try {
                    if (single) {
                        loaders.add(new Loader(session, true, options, version));
                    } else {
                        for (int i = 0; i < options.jobs(); i++) {
                            loaders.add(Loader.open(options, version));
                            resumption.noteSession(loaders.get(i).connection);
                        }
                    }
                    if (options.sections().contains(Section.PRE_DATA) && !resumption.resuming()) {
                        List<Entry> preData = entries.stream().filter(e -> e.section() == Section.PRE_DATA).toList();
                        Progress schema = new Progress(Phase.SCHEMA, preData.size(), 0);
                        listener.phaseStarted(schema);
                        if (single) {
                            StatementBatches.run(session, preData, schema, listener, false, "create");
                        } else {
                            ParallelStatements.run(loaders.stream().map(l -> l.connection).toList(), preData, schema,
                                    listener);
                        }
                        if (!single) {
                            // The rows go into tables that a crash of the target must not take back, nor the
                            // log's word that the schema is done.
                            durable(loaders.get(0).connection, version);
                        }
                        listener.phaseFinished(schema);
                        resumption.schemaDone();
                    }
                    dataPhase.load(entries, loaders);
                    // A loader whose session was lost while it had nothing to do (the target restarted) gets a
                    // new one; in one transaction, a lost session has failed the restore already.
                    Connection last = single ? session : retry.alive(loaders.get(0), "the restore's last checks");
                    if (!single) {
                        retry.checkNothingLost(last);
                    }
                    List<Entry> ran = entries.stream().filter(e -> options.sections().contains(e.section())).toList();
                    ObjectTally.check(last, version, ObjectTally.of(ran), "restore");
                    if (single) {
                        SessionSettings.execute(session, "COMMIT");
                    }
                    durable(last, version);
                } finally {
                    loaders.forEach(Loader::close);
                }
            }
            resumption.complete();
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "restore failed: " + Errors.firstLine(e), e);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read the dump: " + e.getMessage(), e);
        } finally {
            resumption.close();
            if (grants != null && !options.keepRoleGrants()) {
                RoleAccess.release(options.target(), grants).forEach(listener::warning);
            }
        }
    }

    /**
     * The resume log of a restore of this dump into this target, or null for a restore that keeps none (from
     * standard input, in one transaction, or of some sections only); --resume needs one that exists.
     */
    /** Waits until the target has on disk what the restore committed: see {@link DurablePoint}. */
    private void durable(Connection target, ServerVersion version) throws SQLException {
        if (!DurablePoint.reach(target, version)) {
            listener.warning(DurablePoint.notConfirmed());
        }
    }

    private ResumeLog resumeLog() {
        boolean stdin = "-".equals(options.directory().toString());
        ResumeLog log = stdin || !options.resumable() ? null : ResumeLog.of(options.stateDirectory(), "restore",
                options.directory().toAbsolutePath().normalize().toString(), options.target().describe());
        if (options.resume()) {
            if (log == null) {
                throw new PgShiftException(ErrorCode.USAGE, "--resume takes up a restore of a dump directory or an "
                        + "archive file, of every section and not in one transaction");
            }
            if (!log.exists()) {
                throw new PgShiftException(ErrorCode.USAGE, "there is no interrupted restore of "
                        + options.directory() + " into " + options.target().describe() + " to resume ("
                        + log.file() + " does not exist)");
            }
        }
        return log;
    }

    /**
     * The plan's fingerprint: the statements to run, after the selection and the options, and the dump's own
     * identity, its time and its data files' checksums, so that another dump under the same path is not taken for
     * the interrupted one.
     */
    private static String fingerprint(Manifest manifest, List<Entry> entries) {
        StringBuilder files = new StringBuilder();
        manifest.data().forEach(f -> files.append(f.path()).append(' ').append(f.sha256()).append(';'));
        return ResumeLog.fingerprint(entries, manifest.createdAt(), files.toString());
    }

    /**
     * Refuses a target that is not empty, saying so when it holds an interrupted restore of this dump that --resume
     * can finish.
     */
    private void ensureEmpty(TargetDatabase target, Connection session, ResumeLog log) throws SQLException {
        try {
            target.ensureEmpty(session);
        } catch (PgShiftException e) {
            if (e.code() != ErrorCode.TARGET_NOT_EMPTY || log == null || !log.exists()) {
                throw e;
            }
            throw new PgShiftException(ErrorCode.TARGET_NOT_EMPTY, e.getMessage() + "; it holds an interrupted "
                    + "restore of this dump: run the same command with --resume to finish it, or with --clean to "
                    + "start over", e);
        }
    }

    /**
     * The roles the restore's statements act as (new owners, grantors) must exist, and a target user that is not a
     * superuser grants itself membership in those it may (see {@link RoleAccess}); before anything is written.
     */
    private RoleAccess.Grants actingRoles(List<Entry> entries) {
        Set<String> roles = new TreeSet<>();
        for (Entry e : entries) {
            for (String sql : e.sql()) {
                String role = StatementKinds.actingRole(sql);
                if (role != null) {
                    roles.add(role);
                }
            }
        }
        if (roles.isEmpty()) {
            return null;
        }
        RoleAccess.requireExisting(options.target(), roles, "the dump's statements give objects to %s or grant in "
                + "their name");
        RoleAccess.Grants grants = RoleAccess.acquire(options.target(), roles);
        if (!grants.roles().isEmpty()) {
            listener.warning(grants.describe(options.keepRoleGrants()));
        }
        return grants;
    }

    /** --clean: drops the objects about to be restored, dependents first (see {@link CleanDrops}). */
    private void drop(Connection session, List<Entry> entries) throws SQLException {
        List<Entry> drops = CleanDrops.of(entries, options.ifExists());
        Progress progress = new Progress(Phase.SCHEMA, drops.size(), 0);
        listener.phaseStarted(progress);
        StatementBatches.run(session, drops, progress, listener, !options.singleTransaction(), "drop");
        listener.phaseFinished(progress);
    }

    private void loadArchive(ArchiveReader archive, List<Entry> entries, Loader loader)
            throws SQLException, IOException {
        boolean restoring = options.sections().contains(Section.DATA);
        List<Entry> data = entries.stream().filter(e -> e.section() == Section.DATA).toList();
        Progress progress = new Progress(Phase.DATA, data.size(), 0);
        listener.phaseStarted(progress);
        Map<ObjectRef, Entry> chosen = new HashMap<>();
        data.stream().filter(e -> !finished.contains(Resumption.step(e))).forEach(e -> chosen.put(e.ref(), e));
        Set<ObjectRef> loaded = new HashSet<>();
        ArchiveReader.Part part;
        while ((part = archive.next()) instanceof ArchiveReader.Block block) {
            DataFile file = block.header();
            long start = System.nanoTime();
            long rows = 0;
            CountedStreams.Input counted = new CountedStreams.Input(block.rows(), progress::addBytes);
            try {
                Entry entry = chosen.get(file.entry());
                if (restoring && entry != null) {
                    try {
                        rows = loader.load(file, counted, block::verify, began(entry));
                        resumption.done(entry);
                    } catch (SQLException e) {
                        // Damaged rows can make the target refuse them before the checksum is reached: the
                        // damage is the cause then, not the target.
                        block.verify();
                        throw e;
                    }
                } else {
                    block.rows().transferTo(OutputStream.nullOutputStream());
                    block.verify();
                }
            } catch (IOException e) {
                throw new PgShiftException(ErrorCode.IO, "the archive's data of " + file.table() + " is damaged: "
                        + e.getMessage(), e);
            }
            loaded.add(file.entry());
            progress.itemDone(rows);
            listener.itemDone(progress, file.table(), rows, counted.count(), Duration.ofNanos(System.nanoTime() - start));
        }
        Manifest complete = ((ArchiveReader.End) part).manifest();
        for (Entry e : data) {
            if (e.kind() == Kind.TABLE_DATA && !loaded.contains(e.ref())) {
                throw new PgShiftException(ErrorCode.IO, "the archive holds no data for " + e.name());
            }
        }
        for (DataFile file : complete.data()) {
            if (!loaded.contains(file.entry())) {
                throw new PgShiftException(ErrorCode.IO, "the archive lists data of " + file.table()
                        + " that it does not contain");
            }
        }
        if (restoring) {
            for (Entry e : data) {
                if (e.kind() != Kind.TABLE_DATA && chosen.containsKey(e.ref())) {
                    for (String sql : e.sql()) {
                        PrivilegeWarnings.execute(loader.connection, sql);
                    }
                    resumption.done(e);
                    progress.itemDone(0);
                }
            }
        }
        listener.phaseFinished(progress);
    }

    /**
     * Loads the data files and builds the indexes and constraints in one schedule, as copy does: a table's
     * indexes start as soon as its rows are in, while other jobs go on loading, largest tables first. A table
     * dumped in several range files has them loaded at once, each by its own job; its entry then waits for all
     * of them, and its indexes for its entry.
     */
    private void loadDataAndIndexes(DumpDirectory directory, Manifest manifest, List<Entry> entries,
                                    List<Loader> loaders) {
        boolean data = options.sections().contains(Section.DATA);
        boolean post = options.sections().contains(Section.POST_DATA);
        Map<ObjectRef, List<DataFile>> files = new HashMap<>();
        manifest.data().forEach(f -> files.computeIfAbsent(f.entry(), k -> new ArrayList<>()).add(f));
        List<Entry> work = new ArrayList<>();
        Map<Entry, DataFile> partFiles = new HashMap<>();
        List<Entry> dataEntries = entries.stream().filter(e -> e.section() == Section.DATA).toList();
        Set<ObjectRef> done = new HashSet<>();
        if (data) {
            for (Entry e : dataEntries) {
                if (finished.contains(Resumption.step(e))) {
                    done.add(e.ref());
                    continue;
                }
                List<DataFile> parts = files.getOrDefault(e.ref(), List.of());
                // A resumed restore loads a split table it has to load again whole, in one transaction that empties
                // it first: some of its ranges may have committed, and rows are never deleted by a guess at a range.
                if (parts.size() < 2 || resumption.resuming()) {
                    work.add(e);
                    continue;
                }
                ObjectRef partsRef = ObjectRef.partsOf(e.ref().oid());
                for (int i = 0; i < parts.size(); i++) {
                    Entry part = new Entry(partsRef, Kind.TABLE_DATA_PART, e.name() + " (part " + (i + 1) + " of "
                            + parts.size() + ")", Section.DATA, List.of(), e.dependsOn(), e.table());
                    work.add(part);
                    partFiles.put(part, parts.get(i));
                }
                Set<ObjectRef> markerDependsOn = new HashSet<>(e.dependsOn());
                markerDependsOn.add(partsRef);
                work.add(e.withDependsOn(Set.copyOf(markerDependsOn)).withSql(List.of()));
            }
        }
        List<Entry> postEntries = post ? entries.stream().filter(e -> e.section() == Section.POST_DATA).toList()
                : List.of();
        for (Entry e : postEntries) {
            if (finished.contains(Resumption.step(e))) {
                done.add(e.ref());
            } else {
                work.add(e);
            }
        }
        entries.stream().filter(e -> e.section() == Section.PRE_DATA).forEach(e -> done.add(e.ref()));
        if (!data) {
            dataEntries.forEach(e -> done.add(e.ref()));
        }
        Progress rows = new Progress(Phase.DATA, data ? dataEntries.size() : 0,
                data ? manifest.data().stream().mapToLong(DataFile::bytes).sum() : 0);
        Progress indexes = new Progress(Phase.INDEXES, postEntries.size(), 0);
        if (data) {
            listener.phaseStarted(rows);
        }
        if (post) {
            listener.phaseStarted(indexes);
        }
        java.util.concurrent.atomic.AtomicInteger dataLeft = new java.util.concurrent.atomic.AtomicInteger(
                (int) work.stream().filter(e -> e.section() == Section.DATA).count());
        if (data && dataLeft.get() == 0) {
            listener.phaseFinished(rows);
        }
        Comparator<Entry> order = Comparator.comparing((Entry e) -> e.section() != Section.DATA)
                .thenComparing(e -> e.kind() == Kind.FOREIGN_KEY)
                .thenComparingLong(e -> -storedBytes(e, files, partFiles));
        Scheduler<Loader> scheduler = new Scheduler<Loader>(work, done, order).avoiding(TableLocks.of(entries));
        // In one transaction (--single-transaction) a lost session loses everything: nothing to retry or watch.
        try (StallWatchdog watchdog = StallWatchdog.start(loaders.get(0).shared ? List.of() : loaders,
                options.faults().stallTimeout())) {
            schedule(scheduler, loaders, directory, files, partFiles, rows, indexes, dataLeft, retry);
        }
        if (post) {
            listener.phaseFinished(indexes);
        }
    }

    private void schedule(Scheduler<Loader> scheduler, List<Loader> loaders, DumpDirectory directory,
                          Map<ObjectRef, List<DataFile>> files, Map<Entry, DataFile> partFiles, Progress rows,
                          Progress indexes, java.util.concurrent.atomic.AtomicInteger dataLeft, DataRetry retry) {
        scheduler.run(loaders, (loader, entry) -> {
            long start = System.nanoTime();
            if (entry.section() == Section.DATA) {
                loadEntry(directory, loader, entry, files, partFiles, rows, start, retry);
                if (dataLeft.decrementAndGet() == 0) {
                    listener.phaseFinished(rows);
                }
            } else {
                build(loader, entry);
                indexes.itemDone(0);
                listener.itemDone(indexes, entry.toString(), 0, 0, Duration.ofNanos(System.nanoTime() - start));
            }
        });
    }

    /** One step after the rows; on --resume, one that the interrupted run may have begun or finished. */
    private void build(Loader loader, Entry entry) throws SQLException {
        if (loader.shared) {
            // In one transaction a lost session loses everything, and nothing was there before.
            PostDataStatements.run(loader.connection, entry, false);
        } else {
            retry.build(loader, entry, resumption.resuming());
        }
        resumption.done(entry);
    }

    /** Tells the resume log the id of the transaction that loads the entry's rows, as soon as it is open. */
    private LoadListener began(Entry entry) {
        return new LoadListener() {
            @Override
            public void accept(long bytes) {
                // Counted elsewhere.
            }

            @Override
            public void began(long transactionId) {
                resumption.began(entry, transactionId);
            }
        };
    }

    private static long storedBytes(Entry e, Map<ObjectRef, List<DataFile>> files, Map<Entry, DataFile> partFiles) {
        DataFile part = partFiles.get(e);
        if (part != null) {
            return part.storedBytes();
        }
        return files.getOrDefault(e.ref(), List.of()).stream().mapToLong(DataFile::storedBytes).sum();
    }

    /** One DATA entry: a whole table's file, one range file of a split table, a split table's marker, or SQL. */
    private void loadEntry(DumpDirectory directory, Loader loader, Entry entry, Map<ObjectRef, List<DataFile>> files,
                           Map<Entry, DataFile> partFiles, Progress progress, long start, DataRetry retry)
            throws SQLException {
        DataFile part = partFiles.get(entry);
        List<DataFile> whole = files.getOrDefault(entry.ref(), List.of());
        if (part == null && whole.size() > 1 && !resumption.resuming()) {
            // The marker of a split table: its range files are all in.
            resumption.done(entry);
            progress.itemDone(0);
            return;
        }
        if (part == null && whole.size() > 1) {
            // A split table that a resumed restore loads again whole, all its range files in one transaction.
            TableCopier.Result r = retry.load(loader, entry.name(), progress, id -> resumption.began(entry, id),
                    bytes -> loadWhole(directory, loader, whole, bytes));
            resumption.done(entry);
            progress.itemDone(r.rows());
            listener.itemDone(progress, entry.name(), r.rows(), r.bytes(), Duration.ofNanos(System.nanoTime() - start));
            return;
        }
        DataFile file = part != null ? part : whole.isEmpty() ? null : whole.get(0);
        if (file == null) {
            for (String sql : entry.sql()) {
                PrivilegeWarnings.execute(loader.connection, sql);
            }
            resumption.done(entry);
            progress.itemDone(0);
            return;
        }
        boolean range = part != null;
        TableCopier.Result r = loader.shared ? loadFile(directory, loader, file, range, progress::addBytes)
                : retry.load(loader, range ? entry.name() : file.table(), progress,
                        range ? id -> { } : id -> resumption.began(entry, id),
                        bytes -> loadFile(directory, loader, file, range, bytes));
        long rows = r.rows();
        if (part == null) {
            resumption.done(entry);
            progress.itemDone(rows);
        }
        listener.itemDone(progress, part != null ? entry.name() : file.table(), rows, file.bytes(),
                Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Loads one data file, read again from its start on each attempt, and counts the bytes it reads, which the
     * stall watchdog watches. A damaged file is a file error, never tried again.
     */
    private static TableCopier.Result loadFile(DumpDirectory directory, Loader loader, DataFile file, boolean range,
                                               LongConsumer bytes) throws SQLException {
        try (DumpDirectory.VerifiedData in = directory.openDataFile(file)) {
            InputStream counted = new CountedStreams.Input(in.rows(), bytes);
            try {
                LoadListener listener = bytes instanceof LoadListener l ? l : null;
                long rows = range ? loader.loadPart(file, counted, in::verifyToEnd, listener)
                        : loader.load(file, counted, in::verifyToEnd, listener);
                return new TableCopier.Result(rows, file.bytes());
            } catch (SQLException e) {
                // Damaged rows can make the target refuse them before the checksum is reached: the damage is
                // the cause then, not the target.
                in.verifyToEnd();
                throw e;
            }
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read data file " + file.path() + " of "
                    + file.table() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Loads every range file of a split table in one transaction that empties the table first, each file checked
     * against its checksum before the commit: what an interrupted restore left of the table goes, whatever it was.
     */
    private static TableCopier.Result loadWhole(DumpDirectory directory, Loader loader, List<DataFile> files,
                                                LongConsumer bytes) throws SQLException {
        DataFile first = files.get(0);
        long[] total = {0};
        try {
            long rows = TableFiles.inOwnTransaction(loader.connection, bytes instanceof LoadListener l ? l : null,
                    () -> {
                        SessionSettings.execute(loader.connection, "TRUNCATE ONLY " + first.table());
                        long sum = 0;
                        for (DataFile file : files) {
                            try (DumpDirectory.VerifiedData in = directory.openDataFile(file)) {
                                sum += TableFiles.appendInTransaction(loader.connection, file.copyTarget(),
                                        file.format(), new CountedStreams.Input(in.rows(), bytes), in::verifyToEnd);
                            }
                            total[0] += file.bytes();
                        }
                        return sum;
                    });
            return new TableCopier.Result(rows, total[0]);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read the data files of " + first.table() + ": "
                    + e.getMessage(), e);
        }
    }

    private void postData(List<Entry> entries, List<Loader> loaders) {
        List<Entry> post = entries.stream().filter(e -> e.section() == Section.POST_DATA)
                .filter(e -> !finished.contains(Resumption.step(e))).toList();
        Set<ObjectRef> done = new HashSet<>();
        entries.stream().filter(e -> e.section() != Section.POST_DATA || finished.contains(Resumption.step(e)))
                .forEach(e -> done.add(e.ref()));
        Progress progress = new Progress(Phase.INDEXES, post.size(), 0);
        listener.phaseStarted(progress);
        new Scheduler<Loader>(post, done, Comparator.comparing((Entry e) -> e.kind() == Kind.FOREIGN_KEY))
                .avoiding(TableLocks.of(entries)).run(loaders, (loader, entry) -> {
                    long start = System.nanoTime();
                    build(loader, entry);
                    progress.itemDone(0);
                    listener.itemDone(progress, entry.toString(), 0, 0, Duration.ofNanos(System.nanoTime() - start));
                });
        listener.phaseFinished(progress);
    }

    /**
     * A data-only restore loads each table by emptying it first: tables that already hold rows are refused, before
     * anything is written, so that no row the user put there is lost.
     */
    private void refuseTablesWithRows(Connection session, List<Entry> entries) throws SQLException {
        List<String> holding = new ArrayList<>();
        for (Entry e : entries) {
            if (e.kind() != Kind.TABLE_DATA) {
                continue;
            }
            String table = tableName(e);
            try (Statement st = session.createStatement();
                 ResultSet rs = st.executeQuery("SELECT EXISTS (SELECT FROM " + table + ")")) {
                if (rs.next() && rs.getBoolean(1)) {
                    holding.add(e.name());
                }
            }
        }
        if (!holding.isEmpty()) {
            throw new PgShiftException(ErrorCode.TARGET_NOT_EMPTY, "the target's " + String.join(", ",
                    holding.subList(0, Math.min(5, holding.size()))) + (holding.size() > 5 ? " and "
                    + (holding.size() - 5) + " more" : "") + (holding.size() == 1 ? " holds rows" : " hold rows")
                    + " already, which the restore would replace; nothing was written: empty "
                    + (holding.size() == 1 ? "it" : "them") + " first (TRUNCATE) if those rows may go");
        }
    }

    /** The quoted name of a table data entry's table, which the entry names schema.table. */
    private static String tableName(Entry e) {
        int dot = e.name().indexOf('.');
        return Sql.qualified(e.name().substring(0, dot), e.name().substring(dot + 1));
    }

    /**
     * Refuses, before anything is written, a target of an older major version than the dump's source: the
     * statements are the source's, in its version's syntax, which an older server may not know.
     */
    private void refuseOlderTarget(String sourceMajor, ServerVersion target) {
        if (target.majorNumber() < ServerVersion.majorNumberOf(sourceMajor)) {
            throw new PgShiftException(ErrorCode.UNSUPPORTED_VERSION, "the dump comes from PostgreSQL " + sourceMajor
                    + " and the target " + options.target().describe() + " runs the older PostgreSQL " + target.major()
                    + ", which may not take its statements; nothing was written: restore into PostgreSQL "
                    + sourceMajor + " or newer");
        }
    }

    /** Every data file the manifest lists must be there with its recorded size before anything is written. */
    private static void checkDataFiles(DumpDirectory directory, Manifest manifest) {
        for (DataFile file : manifest.data()) {
            java.nio.file.Path path = directory.root().resolve(file.path());
            try {
                if (!Files.isRegularFile(path)) {
                    throw new PgShiftException(ErrorCode.IO, "data file " + file.path() + " of " + file.table()
                            + " is missing from " + directory.root());
                }
                if (Files.size(path) != file.storedBytes()) {
                    throw new PgShiftException(ErrorCode.IO, "data file " + file.path() + " of " + file.table()
                            + " has " + Files.size(path) + " bytes, the manifest says " + file.storedBytes()
                            + " (truncated or damaged)");
                }
            } catch (IOException e) {
                throw new PgShiftException(ErrorCode.IO, "cannot read " + path + ": " + e.getMessage(), e);
            }
        }
    }

    private Entry withoutExcludedStatements(Entry e) {
        List<String> kept = e.sql().stream()
                .filter(sql -> !(options.ddl().noOwner() && StatementKinds.isOwnership(sql)))
                .filter(sql -> !(options.ddl().noAcl() && StatementKinds.isPrivilege(sql)))
                .toList();
        return e.withSql(kept);
    }

    private static DatabaseInfo databaseInfo(SourceInfo source) {
        // Settings, comment, owner and privileges of the database are entries of the dump, applied after the data.
        return new DatabaseInfo(0, source.database(), null, source.encoding(), source.collate(), source.ctype(),
                source.localeProvider(), source.locale(), source.icuRules(), false, -1, List.of(), null, null);
    }


    /** A restore worker: one target session, or the one session of --single-transaction. */
    private static final class Loader extends RetryableSessions implements Scheduler.WorkerContext {
        private Connection connection;
        private final boolean shared;
        private final RestoreOptions options;
        private final ServerVersion version;
        private int pid;

        private Loader(Connection connection, boolean shared, RestoreOptions options, ServerVersion version) {
            this.connection = connection;
            this.shared = shared;
            this.options = options;
            this.version = version;
            this.pid = Connections.backendPid(connection);
        }

        static Loader open(RestoreOptions options, ServerVersion version) throws SQLException {
            return new Loader(session(options, version), false, options, version);
        }

        private static Connection session(RestoreOptions options, ServerVersion version) throws SQLException {
            Connection connection = Connector.openForScripts(options.target());
            try {
                SessionSettings.applyTarget(connection, version);
                return connection;
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        @Override
        Connection targetSession() {
            return connection;
        }

        @Override
        Connection sourceSession() {
            return null;
        }

        @Override
        void reconnect() throws SQLException {
            int old = pid;
            Connections.closeQuietly(connection);
            clearStall();
            connection = session(options, version);
            pid = Connections.backendPid(connection);
            // The old server process may hold the table's lock until it notices that its client is gone.
            Connections.terminate(connection, old);
        }

        @Override
        void abortSessions() {
            Connections.abort(connection);
        }

        /**
         * Loads one range file of a table whose other ranges other jobs load at the same time: no TRUNCATE,
         * which would wait for and then wipe their rows, and so no FREEZE. The table was created empty just
         * before, in this restore.
         */
        long loadPart(DataFile file, InputStream rows, TableFiles.BeforeCommit check, LoadListener listener)
                throws SQLException, IOException {
            return shared
                    ? TableFiles.appendInTransaction(connection, file.copyTarget(), file.format(), rows, check,
                            options.disableTriggers() ? file.table() : null)
                    : TableFiles.append(connection, file.copyTarget(), file.format(), rows, check, listener,
                            options.disableTriggers() ? file.table() : null);
        }

        /**
         * Loads a table's rows: in a transaction of its own, or in the single transaction. A data-only restore adds
         * them, as to a range: its tables were found empty before anything was written, and one that a foreign key
         * references cannot be truncated on its own.
         */
        long load(DataFile file, InputStream rows, TableFiles.BeforeCommit check, LoadListener listener)
                throws SQLException, IOException {
            if (options.dataOnly()) {
                return loadPart(file, rows, check, listener);
            }
            return shared
                    ? TableFiles.loadInTransaction(connection, file.table(), file.copyTarget(), file.format(), rows,
                            check, options.disableTriggers())
                    : TableFiles.load(connection, file.table(), file.copyTarget(), file.format(), rows, check,
                            listener, options.disableTriggers());
        }

        @Override
        public void cancel() {
            Connections.cancel(connection);
        }

        void close() {
            if (!shared) {
                Connections.closeQuietly(connection);
            }
        }
    }
}
