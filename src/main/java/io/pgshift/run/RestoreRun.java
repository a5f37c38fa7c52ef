package io.pgshift.run;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.archive.ArchiveReader;
import io.pgshift.archive.DataFile;
import io.pgshift.archive.DumpDirectory;
import io.pgshift.archive.Manifest;
import io.pgshift.archive.SourceInfo;
import io.pgshift.catalog.DatabaseInfo;
import io.pgshift.catalog.ObjectRef;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.connect.Connector;
import io.pgshift.data.SessionSettings;
import io.pgshift.data.TableFiles;
import io.pgshift.ddl.Sql;
import io.pgshift.ddl.StatementKinds;
import io.pgshift.plan.DataKinds;
import io.pgshift.plan.Entry;
import io.pgshift.plan.Section;

/**
 * Restores a dump directory into a target database: definitions, then every table's rows by several
 * workers (each data file checked against its checksum before its table commits), then indexes and
 * constraints. Every data file is looked at before anything is written, so a dump with a missing file is
 * refused up front.
 */
public final class RestoreRun {
    private final RestoreOptions options;
    private final ProgressListener listener;

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

    /** Restores a dump directory. */
    public void run() {
        DumpDirectory directory = DumpDirectory.open(options.directory());
        Manifest manifest = directory.manifest();
        checkDataFiles(directory, manifest);
        restore(manifest, (entries, loaders) -> loadData(directory, manifest, entries, loaders));
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
            restore(toc, (entries, loaders) -> loadArchive(archive, entries, loaders.get(0)));
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read the archive: " + e.getMessage(), e);
        }
    }

    /** How the rows of a dump reach the target. */
    private interface DataPhase {
        void load(List<Entry> entries, List<Loader> loaders) throws SQLException, IOException;
    }

    private void restore(Manifest manifest, DataPhase dataPhase) {
        List<Entry> entries = options.selection().select(manifest.entries()).stream()
                .map(this::withoutExcludedStatements).toList();
        boolean single = options.singleTransaction();
        try {
            TargetDatabase target = new TargetDatabase(options.target(), listener);
            target.createIfMissing(databaseInfo(manifest.source()), options.ddl().noOwner());
            try (Connection session = Connector.open(options.target())) {
                ServerVersion version = CatalogReader.versionOf(session);
                SessionSettings.applyTarget(session, version);
                if (single) {
                    SessionSettings.execute(session, "BEGIN");
                }
                if (options.sections().contains(Section.PRE_DATA)) {
                    if (options.clean()) {
                        drop(session, entries);
                    } else {
                        target.ensureEmpty(session);
                    }
                }
                List<Loader> loaders = new ArrayList<>();
                try {
                    if (single) {
                        loaders.add(new Loader(session, true));
                    } else {
                        for (int i = 0; i < options.jobs(); i++) {
                            loaders.add(Loader.open(options, version));
                        }
                    }
                    if (options.sections().contains(Section.PRE_DATA)) {
                        List<Entry> preData = entries.stream().filter(e -> e.section() == Section.PRE_DATA).toList();
                        Progress schema = new Progress(Phase.SCHEMA, preData.size(), 0);
                        listener.phaseStarted(schema);
                        if (single) {
                            StatementBatches.run(session, preData, schema, listener, false, "create");
                        } else {
                            ParallelStatements.run(loaders.stream().map(l -> l.connection).toList(), preData, schema,
                                    listener);
                        }
                        listener.phaseFinished(schema);
                    }
                    dataPhase.load(entries, loaders);
                    if (options.sections().contains(Section.POST_DATA)) {
                        postData(entries, loaders);
                    }
                } finally {
                    loaders.forEach(Loader::close);
                }
                if (single) {
                    SessionSettings.execute(session, "COMMIT");
                }
                SessionSettings.commitDurably(session);
            }
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "restore failed: " + Errors.firstLine(e), e);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read the dump: " + e.getMessage(), e);
        }
    }

    /**
     * --clean: drops the objects about to be restored, dependents first (the reverse of the restore order), so
     * no drop needs CASCADE and nothing the dump does not hold is dropped. What belongs to a table that is
     * dropped too (its indexes, constraints, triggers) goes with it; a foreign key is dropped first, since it
     * also holds on to the table it references.
     */
    private void drop(Connection session, List<Entry> entries) throws SQLException {
        Set<ObjectRef> dropped = new HashSet<>();
        entries.stream().filter(e -> e.drop() != null).forEach(e -> dropped.add(e.ref()));
        List<Entry> drops = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            boolean goesWithTable = e.table() != null && !e.table().equals(e.ref()) && dropped.contains(e.table())
                    && !"FOREIGN KEY".equals(e.kind());
            if (e.drop() != null && !goesWithTable) {
                String sql = options.ifExists() ? e.drop() : Sql.withoutIfExists(e.drop());
                drops.add(e.withSql(List.of(sql)));
            }
        }
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
        Set<ObjectRef> chosen = new HashSet<>();
        data.forEach(e -> chosen.add(e.ref()));
        Set<ObjectRef> loaded = new HashSet<>();
        ArchiveReader.Part part;
        while ((part = archive.next()) instanceof ArchiveReader.Block block) {
            DataFile file = block.header();
            long start = System.nanoTime();
            long rows = 0;
            try {
                if (restoring && chosen.contains(file.entry())) {
                    rows = loader.load(file, block.rows(), block::verify);
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
            listener.itemDone(progress, file.table(), rows, 0, Duration.ofNanos(System.nanoTime() - start));
        }
        Manifest complete = ((ArchiveReader.End) part).manifest();
        for (Entry e : data) {
            if (DataKinds.TABLE.equals(e.kind()) && !loaded.contains(e.ref())) {
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
                if (!DataKinds.TABLE.equals(e.kind())) {
                    for (String sql : e.sql()) {
                        SessionSettings.execute(loader.connection, sql);
                    }
                    progress.itemDone(0);
                }
            }
        }
        listener.phaseFinished(progress);
    }

    private void loadData(DumpDirectory directory, Manifest manifest, List<Entry> entries, List<Loader> loaders) {
        if (!options.sections().contains(Section.DATA)) {
            return;
        }
        Map<ObjectRef, DataFile> files = new HashMap<>();
        manifest.data().forEach(f -> files.put(f.entry(), f));
        List<Entry> data = entries.stream().filter(e -> e.section() == Section.DATA).toList();
        Progress progress = new Progress(Phase.DATA, data.size(),
                manifest.data().stream().mapToLong(DataFile::bytes).sum());
        listener.phaseStarted(progress);
        Comparator<Entry> largestFirst = Comparator.comparingLong(e -> -(files.containsKey(e.ref())
                ? files.get(e.ref()).storedBytes() : 0));
        new Scheduler<Loader>(data, Set.of(), largestFirst).run(loaders, (loader, entry) -> {
            long start = System.nanoTime();
            DataFile file = files.get(entry.ref());
            if (file == null) {
                for (String sql : entry.sql()) {
                    SessionSettings.execute(loader.connection, sql);
                }
                progress.itemDone(0);
                return;
            }
            long rows;
            try (DumpDirectory.VerifiedData in = directory.openDataFile(file)) {
                rows = loader.load(file, in.rows(), in::verifyToEnd);
            } catch (IOException e) {
                throw new PgShiftException(ErrorCode.IO, "cannot read data file " + file.path() + " of "
                        + file.table() + ": " + e.getMessage(), e);
            }
            progress.addBytes(file.bytes());
            progress.itemDone(rows);
            listener.itemDone(progress, file.table(), rows, file.bytes(), Duration.ofNanos(System.nanoTime() - start));
        });
        listener.phaseFinished(progress);
    }

    private void postData(List<Entry> entries, List<Loader> loaders) {
        List<Entry> post = entries.stream().filter(e -> e.section() == Section.POST_DATA).toList();
        Set<ObjectRef> done = new HashSet<>();
        entries.stream().filter(e -> e.section() != Section.POST_DATA).forEach(e -> done.add(e.ref()));
        Progress progress = new Progress(Phase.INDEXES, post.size(), 0);
        listener.phaseStarted(progress);
        new Scheduler<Loader>(post, done, Comparator.comparing((Entry e) -> "FOREIGN KEY".equals(e.kind())))
                .run(loaders, (loader, entry) -> {
                    long start = System.nanoTime();
                    for (String sql : entry.sql()) {
                        SessionSettings.execute(loader.connection, sql);
                    }
                    progress.itemDone(0);
                    listener.itemDone(progress, entry.toString(), 0, 0, Duration.ofNanos(System.nanoTime() - start));
                });
        listener.phaseFinished(progress);
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
    private static final class Loader implements Scheduler.WorkerContext {
        private final Connection connection;
        private final boolean shared;

        private Loader(Connection connection, boolean shared) {
            this.connection = connection;
            this.shared = shared;
        }

        static Loader open(RestoreOptions options, ServerVersion version) throws SQLException {
            Connection connection = Connector.open(options.target());
            try {
                SessionSettings.applyTarget(connection, version);
                return new Loader(connection, false);
            } catch (SQLException | RuntimeException e) {
                connection.close();
                throw e;
            }
        }

        /** Loads a table's rows: in a transaction of its own, or in the single transaction. */
        long load(DataFile file, InputStream rows, TableFiles.BeforeCommit check) throws SQLException, IOException {
            return shared
                    ? TableFiles.loadInTransaction(connection, file.table(), file.copyTarget(), file.format(), rows,
                            check)
                    : TableFiles.load(connection, file.table(), file.copyTarget(), file.format(), rows, check);
        }

        @Override
        public void cancel() {
            Workers.cancel(connection);
        }

        void close() {
            if (!shared) {
                Workers.closeQuietly(connection);
            }
        }
    }
}
