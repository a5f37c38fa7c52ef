package io.pgshift.run;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.archive.ArchiveWriter;
import io.pgshift.archive.DataBlockWriter;
import io.pgshift.archive.DataFile;
import io.pgshift.archive.DumpDirectory;
import io.pgshift.archive.Manifest;
import io.pgshift.archive.PlainScript;
import io.pgshift.archive.SourceInfo;
import io.pgshift.catalog.Catalog;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.Table;
import io.pgshift.data.CopyFormat;
import io.pgshift.data.CopyStatements;
import io.pgshift.data.TableRanges;
import io.pgshift.data.SourceFailure;
import io.pgshift.data.TableFiles;
import io.pgshift.ddl.DdlWriter;
import io.pgshift.ddl.InheritedColumnOrder;
import io.pgshift.sql.Sql;
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

/**
 * Dumps one database into a directory: the plan as a manifest, and each table's rows in a file of its own,
 * written by several workers from one snapshot. The manifest is written last, so only a finished dump
 * can be restored.
 */
public final class DumpRun {
    private final DumpOptions options;
    private final ProgressListener listener;

    public DumpRun(DumpOptions options, ProgressListener listener) {
        this.options = options;
        this.listener = listener;
    }

    public Manifest run() {
        try (SourceSnapshot source = SourceSnapshot.open(options.source(), options.filter(), options.jobs(),
                options.schemaOnly())) {
            Plan plan = plan(source);
            DumpDirectory directory = DumpDirectory.create(options.directory());
            List<DataFile> files = dumpData(source, plan, directory);
            Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, "pgshift", Instant.now().toString(),
                    sourceInfo(source), plan.entries(), files);
            directory.writeManifest(manifest);
            return manifest;
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.SOURCE_FAILED, "dump failed: " + Errors.firstLine(e), e);
        }
    }

    /**
     * Writes the dump as one SQL script, in restore order, on one connection: a script is read from top to
     * bottom, so its tables are dumped one after the other.
     *
     * @return the manifest the script corresponds to; its data list is empty, since rows are in the script
     */
    public Manifest runPlain(OutputStream out) {
        try (PlainScript script = new PlainScript(new BufferedOutputStream(out, 256 * 1024))) {
            StreamFormat plain = new StreamFormat() {
                @Override
                public void start(Manifest toc) throws IOException {
                    script.header(toc.source());
                    if (options.clean()) {
                        for (Entry drop : CleanDrops.of(toc.entries(), options.ifExists())) {
                            script.drop(drop);
                        }
                    }
                }

                @Override
                public void statements(Entry entry) throws IOException {
                    script.statements(entry);
                }

                @Override
                public OutputStream rows(Entry entry, Table table, String copyTarget, String copyFormat,
                                         List<String> columnTypes) throws IOException {
                    return script.copyBlock(entry, copyTarget, options.disableTriggers()
                            ? Sql.qualified(table.schema(), table.name()) : null);
                }

                @Override
                public void rowsBroken(OutputStream rows) throws IOException {
                    PlainScript.breakCopy(rows);
                }
            };
            Manifest written;
            try {
                written = sequential(plain);
            } catch (RuntimeException e) {
                // On standard output there is no .partial name to tell: the script itself must fail.
                script.fail(e.getMessage());
                throw e;
            }
            script.complete();
            return written;
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot write the dump: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the dump as one archive stream (to a file or a pipe): the table of contents, then each table's
     * rows, compressed and checksummed, then the full manifest.
     */
    public Manifest runArchive(OutputStream out) {
        List<DataFile> files = new ArrayList<>();
        try (ArchiveWriter archive = new ArchiveWriter(new BufferedOutputStream(out, 256 * 1024))) {
            Manifest toc = sequential(new StreamFormat() {
                private DataBlockWriter block;

                @Override
                public void start(Manifest manifest) throws IOException {
                    archive.tableOfContents(manifest);
                }

                @Override
                public boolean binaryRows() {
                    return true;
                }

                @Override
                public OutputStream rows(Entry entry, Table table, String copyTarget, String copyFormat,
                                         List<String> columnTypes) throws IOException {
                    block = archive.table(new DataFile(entry.ref(), Sql.qualified(table.schema(), table.name()),
                            copyTarget, "", copyFormat, options.compression(), 0, 0, 0, "", columnTypes));
                    return block;
                }

                @Override
                public void rowsDone(long rows) {
                    files.add(block.describe(rows));
                }
            });
            Manifest manifest = new Manifest(toc.formatVersion(), toc.createdBy(), toc.createdAt(), toc.source(),
                    toc.entries(), List.copyOf(files));
            archive.end(manifest);
            return manifest;
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot write the dump: " + e.getMessage(), e);
        }
    }

    /** A dump written front to back: plain script or archive. */
    private interface StreamFormat {
        void start(Manifest tableOfContents) throws IOException;

        default void statements(Entry entry) throws IOException {
        }

        /**
         * Whether rows may be stored in binary COPY format where the table allows it (see {@link CopyFormat}):
         * the target parses them in two thirds of the time text takes. A plain script's COPY blocks are text.
         */
        default boolean binaryRows() {
            return false;
        }

        /** A table's rows; the column types are given for binary rows, null for text. */
        OutputStream rows(Entry entry, Table table, String copyTarget, String copyFormat, List<String> columnTypes)
                throws IOException;

        default void rowsDone(long rows) {
        }

        /** The rows of a table could not all be written; what was written of them must not pass for all. */
        default void rowsBroken(OutputStream rows) throws IOException {
        }
    }

    private Manifest sequential(StreamFormat format) throws IOException {
        // One stream, but the catalog is still read by two sessions.
        try (SourceSnapshot source = SourceSnapshot.open(options.source(), options.filter(), 2, options.schemaOnly())) {
            Catalog catalog = source.catalog();
            Plan plan = plan(source);
            Map<Long, Table> tables = new HashMap<>();
            catalog.tables().forEach(t -> tables.put(t.oid(), t));
            Manifest toc = new Manifest(Manifest.FORMAT_VERSION, "pgshift", Instant.now().toString(),
                    sourceInfo(source), plan.entries(), List.of());
            format.start(toc);
            // The tables whose rows are written; without any (-s), what is counted is the statements.
            List<Table> withRows = plan.entries().stream().filter(e -> e.kind() == Kind.TABLE_DATA)
                    .map(e -> tables.get(e.ref().oid())).filter(java.util.Objects::nonNull).toList();
            Progress progress = withRows.isEmpty() ? new Progress(Phase.SCHEMA, plan.entries().size(), 0)
                    : new Progress(Phase.DATA, withRows.size(), withRows.stream().mapToLong(Table::bytes).sum());
            listener.phaseStarted(progress);
            for (Entry entry : plan.entries()) {
                Table table = entry.kind() == Kind.TABLE_DATA ? tables.get(entry.ref().oid()) : null;
                if (table == null) {
                    format.statements(entry);
                    if (withRows.isEmpty()) {
                        progress.itemDone(0);
                    }
                    continue;
                }
                long start = System.nanoTime();
                String copyTarget = CopyStatements.target(table);
                long rows;
                long bytes;
                String copyFormat = format.binaryRows() ? CopyFormat.choose(source.leader(), table.oid()) : CopyFormat.TEXT;
                List<String> columnTypes = CopyFormat.BINARY.equals(copyFormat)
                        ? CopyFormat.columnTypes(source.leader(), table) : null;
                try (CountedStreams.Output rowStream = new CountedStreams.Output(
                        format.rows(entry, table, copyTarget, copyFormat, columnTypes), progress::addBytes)) {
                    try {
                        rows = TableFiles.dump(source.leader(), CopyStatements.source(source.leader(), table),
                                copyFormat, rowStream);
                    } catch (SQLException | RuntimeException e) {
                        try {
                            format.rowsBroken(rowStream);
                        } catch (IOException gone) {
                            e.addSuppressed(gone);
                        }
                        throw e;
                    }
                    bytes = rowStream.count();
                }
                format.rowsDone(rows);
                progress.itemDone(rows);
                listener.itemDone(progress, table.displayName(), rows, bytes, Duration.ofNanos(System.nanoTime() - start));
            }
            listener.phaseFinished(progress);
            return toc;
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.SOURCE_FAILED, "dump failed: " + Errors.firstLine(e), e);
        }
    }

    private List<DataFile> dumpData(SourceSnapshot source, Plan plan, DumpDirectory directory) throws SQLException {
        Map<Long, Table> tables = new HashMap<>();
        source.catalog().tables().forEach(t -> tables.put(t.oid(), t));
        List<Entry> data = splitLargeTables(source, tables,
                plan.section(Section.DATA).stream().filter(e -> e.kind() == Kind.TABLE_DATA).toList());
        Map<Entry, Integer> numbers = new HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            numbers.put(data.get(i), i + 1);
        }
        Progress progress = new Progress(Phase.DATA, data.size(), source.catalog().totalTableBytes());
        listener.phaseStarted(progress);
        List<DataFile> files = Collections.synchronizedList(new ArrayList<>());
        List<Reader> readers = new ArrayList<>();
        try {
            for (int i = 0; i < Math.min(options.jobs(), Math.max(1, data.size())); i++) {
                readers.add(new Reader(source.openReader()));
            }
            Comparator<Entry> largestFirst = Comparator.comparingLong(e -> -tables.get(e.ref().oid()).bytes());
            new Scheduler<Reader>(data, Set.of(), largestFirst).run(readers, (reader, entry) -> {
                Table table = tables.get(entry.ref().oid());
                long start = System.nanoTime();
                DataFile file;
                try {
                    file = entry.kind() == Kind.TABLE_DATA_PART
                            ? dumpRange(reader.connection, directory, entry, table, numbers.get(entry))
                            : dumpTable(reader.connection, directory, entry, table, numbers.get(entry));
                } catch (SQLException e) {
                    // A dump's sessions only read the source: a failure of theirs is the source's (exit 14), named
                    // so, while the files it writes fail otherwise.
                    throw new SourceFailure(e);
                }
                progress.addBytes(file.bytes());
                progress.itemDone(file.rows());
                files.add(file);
                listener.itemDone(progress, table.displayName(), file.rows(), file.bytes(),
                        Duration.ofNanos(System.nanoTime() - start));
            });
        } finally {
            readers.forEach(Reader::close);
        }
        listener.phaseFinished(progress);
        files.sort(Comparator.comparing(DataFile::path));
        return List.copyOf(files);
    }

    /**
     * The tables to dump, each table larger than the threshold replaced by its ranges: one data file each, all
     * recorded under the table's entry, so restore loads them together as the table's rows. A range's rows are
     * read in the shared snapshot like the whole table.
     */
    private List<Entry> splitLargeTables(SourceSnapshot source, Map<Long, Table> tables, List<Entry> data)
            throws SQLException {
        int parts = options.partsPerTable();
        if (options.splitTablesLargerThan() <= 0 || parts < 2) {
            return data;
        }
        List<Entry> expanded = new ArrayList<>();
        for (Entry e : data) {
            Table table = tables.get(e.ref().oid());
            List<String> ranges = table.bytes() > options.splitTablesLargerThan()
                    ? TableRanges.split(source.leader(), source.version(), table, parts) : List.of();
            if (ranges.isEmpty()) {
                expanded.add(e);
                continue;
            }
            for (int i = 0; i < ranges.size(); i++) {
                expanded.add(new Entry(e.ref(), Kind.TABLE_DATA_PART,
                        e.name() + " (part " + (i + 1) + " of " + ranges.size() + ")", Section.DATA,
                        List.of(), e.dependsOn(), e.table()).withRows(new Rows.Range(ranges.get(i))));
            }
        }
        return expanded;
    }

    /**
     * What the dump holds, in restore order. Everything goes in; owners and privileges are left out, if asked, at
     * restore time. --exclude-table-data leaves out those tables' rows, --schema-only the whole DATA section: rows,
     * sequence positions, large objects; --data-only keeps that section alone.
     */
    private Plan plan(SourceSnapshot source) throws SQLException {
        Catalog catalog = source.catalog();
        InheritedColumnOrder.notKept(catalog).forEach(listener::warning);
        List<Entry> entries = new DdlWriter(catalog, options.ddl()).entries();
        Set<ObjectRef> leftOut = new HashSet<>(options.filter().excludedData(catalog));
        if (options.schemaOnly()) {
            entries.stream().filter(e -> e.section() == Section.DATA).forEach(e -> leftOut.add(e.ref()));
        }
        List<Entry> dumped = Planner.order(entries).without(leftOut).entries();
        if (options.dataOnly()) {
            dumped = dumped.stream().filter(e -> e.section() == Section.DATA).toList();
        }
        return new Plan(DumpedData.resolve(source.leader(), dumped));
    }

    private DataFile dumpTable(Connection reader, DumpDirectory directory, Entry entry, Table table, int number)
            throws SQLException {
        return dumpRows(reader, directory, entry, table, number, table.displayName(),
                format -> CopyStatements.out(CopyStatements.source(reader, table), format));
    }

    /** One range of a split table, the rows its entry's condition picks. */
    private DataFile dumpRange(Connection reader, DumpDirectory directory, Entry part, Table table, int number)
            throws SQLException {
        return dumpRows(reader, directory, part, table, number, part.name(),
                format -> CopyStatements.outRange(reader, table, ((Rows.Range) part.rows()).condition(), format));
    }

    private interface CopyOut {
        String in(String copyFormat) throws SQLException;
    }

    /** Writes the rows a COPY reads into a new data file of the table's entry, in the format the table allows. */
    private DataFile dumpRows(Connection reader, DumpDirectory directory, Entry entry, Table table, int number,
                              String what, CopyOut copyOut) throws SQLException {
        String copyFormat = CopyFormat.choose(reader, table.oid());
        try (DumpDirectory.DataSink sink = directory.newDataFile(entry.ref(), Sql.qualified(table.schema(), table.name()),
                CopyStatements.target(table), number, copyFormat, options.compression())) {
            long rows = TableFiles.dumpQuery(reader, copyOut.in(copyFormat), sink);
            sink.close();
            return sink.describe(rows).withColumnTypes(CopyFormat.BINARY.equals(copyFormat)
                    ? CopyFormat.columnTypes(reader, table) : null);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot write the data of " + what + " to " + directory.root()
                    + ": " + e.getMessage(), e);
        }
    }

    private static SourceInfo sourceInfo(SourceSnapshot source) {
        var db = source.catalog().database();
        return new SourceInfo(source.info().describe(), source.version().major(), db.name(), db.encoding(),
                db.collate(), db.ctype(), db.localeProvider(), db.locale(), db.icuRules());
    }

    /** A dump worker: one read-only session in the shared snapshot. */
    private static final class Reader implements Scheduler.WorkerContext {
        private final Connection connection;

        Reader(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void cancel() {
            Connections.cancel(connection);
        }

        void close() {
            Connections.closeQuietly(connection);
        }
    }
}
