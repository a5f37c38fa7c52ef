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
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.archive.DataFile;
import io.pgshift.archive.DumpDirectory;
import io.pgshift.archive.Manifest;
import io.pgshift.archive.PlainScript;
import io.pgshift.archive.SourceInfo;
import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.Table;
import io.pgshift.data.CopyStatements;
import io.pgshift.data.TableFiles;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.ddl.DdlWriter;
import io.pgshift.ddl.Sql;
import io.pgshift.plan.Entry;
import io.pgshift.plan.Plan;
import io.pgshift.plan.Planner;
import io.pgshift.plan.Section;

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
        try (SourceSnapshot source = SourceSnapshot.open(options.source())) {
            Catalog catalog = source.catalog();
            // Everything goes into the dump; owners and privileges are left out, if asked, at restore time.
            Plan plan = Planner.order(new DdlWriter(catalog, DdlOptions.DEFAULTS).entries());
            DumpDirectory directory = DumpDirectory.create(options.directory());
            List<DataFile> files = dumpData(source, plan, directory);
            Manifest manifest = new Manifest(Manifest.FORMAT_VERSION, "pgshift", Instant.now().toString(),
                    sourceInfo(source), plan.entries(), files);
            directory.writeManifest(manifest);
            return manifest;
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "dump failed: " + Errors.firstLine(e), e);
        }
    }

    /**
     * Writes the dump as one SQL script, in restore order, on one connection: a script is read from top to
     * bottom, so its tables are dumped one after the other.
     *
     * @return the manifest the script corresponds to; its data list is empty, since rows are in the script
     */
    public Manifest runPlain(OutputStream out) {
        try (SourceSnapshot source = SourceSnapshot.open(options.source());
             PlainScript script = new PlainScript(new BufferedOutputStream(out, 256 * 1024))) {
            Catalog catalog = source.catalog();
            Plan plan = Planner.order(new DdlWriter(catalog, DdlOptions.DEFAULTS).entries());
            Map<Long, Table> tables = new HashMap<>();
            catalog.tables().forEach(t -> tables.put(t.oid(), t));
            SourceInfo info = sourceInfo(source);
            script.header(info);
            Progress progress = new Progress(Phase.DATA, catalog.tables().size(), catalog.totalTableBytes());
            listener.phaseStarted(progress);
            for (Entry entry : plan.entries()) {
                Table table = entry.sql().isEmpty() ? tables.get(entry.ref().oid()) : null;
                if (table == null) {
                    script.statements(entry);
                    continue;
                }
                long start = System.nanoTime();
                String copyTarget = CopyStatements.target(table);
                long rows;
                try (OutputStream block = script.copyBlock(entry, copyTarget)) {
                    rows = TableFiles.dump(source.leader(), copyTarget, "text", block);
                }
                progress.itemDone(rows);
                listener.itemDone(progress, table.displayName(), rows, 0, Duration.ofNanos(System.nanoTime() - start));
            }
            listener.phaseFinished(progress);
            return new Manifest(Manifest.FORMAT_VERSION, "pgshift", Instant.now().toString(), info, plan.entries(),
                    List.of());
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "dump failed: " + Errors.firstLine(e), e);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot write the dump: " + e.getMessage(), e);
        }
    }

    private List<DataFile> dumpData(SourceSnapshot source, Plan plan, DumpDirectory directory) throws SQLException {
        Map<Long, Table> tables = new HashMap<>();
        source.catalog().tables().forEach(t -> tables.put(t.oid(), t));
        List<Entry> data = plan.section(Section.DATA).stream().filter(e -> e.sql().isEmpty()).toList();
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
                DataFile file = dumpTable(reader.connection, directory, entry, table, numbers.get(entry));
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

    private DataFile dumpTable(Connection reader, DumpDirectory directory, Entry entry, Table table, int number)
            throws SQLException {
        String copyTarget = CopyStatements.target(table);
        try (DumpDirectory.DataSink sink = directory.newDataFile(entry.ref(), Sql.qualified(table.schema(), table.name()),
                copyTarget, number, "text", options.compression())) {
            long rows = TableFiles.dump(reader, copyTarget, "text", sink);
            sink.close();
            return sink.describe(rows);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot write the data of " + table.displayName() + " to "
                    + directory.root() + ": " + e.getMessage(), e);
        }
    }

    private static SourceInfo sourceInfo(SourceSnapshot source) {
        var db = source.catalog().database();
        return new SourceInfo(source.info().describe(), source.version().major(), db.name(), db.encoding(),
                db.collate(), db.ctype());
    }

    /** A dump worker: one read-only session in the shared snapshot. */
    private static final class Reader implements Scheduler.WorkerContext {
        private final Connection connection;

        Reader(Connection connection) {
            this.connection = connection;
        }

        @Override
        public void cancel() {
            Workers.cancel(connection);
        }

        void close() {
            Workers.closeQuietly(connection);
        }
    }
}
