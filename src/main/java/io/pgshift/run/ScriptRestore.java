package io.pgshift.run;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.archive.ArchiveReader;
import io.pgshift.archive.DataFile;
import io.pgshift.archive.DumpDirectory;
import io.pgshift.archive.Manifest;
import io.pgshift.archive.PlainScript;
import io.pgshift.data.BinaryCopyText;
import io.pgshift.data.CopyFormat;
import io.pgshift.ddl.LeftOut;
import io.pgshift.ddl.StatementKinds;
import io.pgshift.object.Kind;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Section;
import io.pgshift.plan.Entry;
import io.pgshift.progress.Phase;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;
import io.pgshift.sql.Sql;

/**
 * {@code restore -f}: writes a dump as the SQL script {@code dump -F plain} would have written, for {@code psql -v
 * ON_ERROR_STOP=1}, instead of restoring it into a server, as pg_restore -f does. The same entries as a restore
 * with these options go in, in the dump's order, through the same {@link PlainScript}. Rows stored in binary COPY
 * format are printed as text ({@link BinaryCopyText}); a table with a column type that cannot be printed is refused
 * before anything is written (exit 12), naming the table and the type. Rows whose file turns out damaged are
 * followed by a line that makes their COPY fail, so a script cut short by an error never loads them.
 */
public final class ScriptRestore {
    /** Ends a COPY block with an error: psql sends it, and the server refuses the whole COPY. */

    private final RestoreOptions options;
    private final ProgressListener listener;

    public ScriptRestore(RestoreOptions options, ProgressListener listener) {
        this.options = options;
        this.listener = listener;
    }

    /** Writes the script of a dump directory; every binary table is checked before the first line. */
    public void run(Path dump, OutputStream out) {
        DumpDirectory directory = DumpDirectory.open(dump);
        Manifest manifest = directory.manifest();
        List<Entry> entries = chosen(manifest);
        Map<ObjectRef, List<DataFile>> files = new LinkedHashMap<>();
        for (DataFile file : manifest.data()) {
            files.computeIfAbsent(file.entry(), k -> new ArrayList<>()).add(file);
        }
        refuseUnprintable(entries.stream().filter(this::rowsWanted)
                .flatMap(e -> files.getOrDefault(e.ref(), List.of()).stream()).toList());
        write(manifest, entries, out, (entry, script, progress) -> {
            for (DataFile file : files.getOrDefault(entry.ref(), List.of())) {
                try (DumpDirectory.VerifiedData in = directory.openDataFile(file)) {
                    copyBlock(script, entry, file, in.rows(), in::verifyToEnd, progress);
                }
            }
        });
    }

    /**
     * Writes the script of an archive file. It is read twice: once to check every block against its checksum and
     * every binary table's column types, before the first line is written; then to write.
     */
    public void runArchiveFile(Path archive, OutputStream out) {
        List<DataFile> headers = new ArrayList<>();
        Manifest toc;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive), 256 * 1024)) {
            ArchiveReader reader = new ArchiveReader(in);
            toc = reader.tableOfContents();
            ArchiveReader.Part part;
            while ((part = reader.next()) instanceof ArchiveReader.Block block) {
                headers.add(block.header());
                block.verify();
            }
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, archive + " is damaged or cut short: " + e.getMessage(), e);
        }
        Set<ObjectRef> wanted = new HashSet<>();
        chosen(toc).stream().filter(this::rowsWanted).forEach(e -> wanted.add(e.ref()));
        refuseUnprintable(headers.stream().filter(h -> wanted.contains(h.entry())).toList());
        try (InputStream in = Files.newInputStream(archive)) {
            runArchive(in, out);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read " + archive + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes the script of an archive as it streams in, from a pipe: a table whose column types cannot be printed
     * is found only when its block arrives, and the script written so far then ends with a statement that fails.
     */
    public void runArchive(InputStream in, OutputStream out) {
        try {
            ArchiveReader reader = new ArchiveReader(new BufferedInputStream(in, 256 * 1024));
            Manifest toc = reader.tableOfContents();
            List<Entry> entries = chosen(toc);
            Set<ObjectRef> blocks = new HashSet<>();
            write(toc, entries, out, (entry, script, progress) -> {
                ArchiveReader.Part part = reader.next();
                if (!(part instanceof ArchiveReader.Block block) || !block.header().entry().equals(entry.ref())) {
                    throw new PgShiftException(ErrorCode.IO, "the archive holds no data for " + entry.name());
                }
                refuseUnprintable(List.of(block.header()));
                copyBlock(script, entry, block.header(), block.rows(), block::verify, progress);
                blocks.add(entry.ref());
            }, (skipped) -> {
                ArchiveReader.Part part = reader.next();
                if (!(part instanceof ArchiveReader.Block block) || !block.header().entry().equals(skipped.ref())) {
                    throw new PgShiftException(ErrorCode.IO, "the archive holds no data for " + skipped.name());
                }
                block.verify();
                blocks.add(skipped.ref());
            });
            ArchiveReader.Part end = reader.next();
            if (!(end instanceof ArchiveReader.End complete)) {
                throw new PgShiftException(ErrorCode.IO, "the archive holds data its table of contents does not list");
            }
            for (DataFile file : complete.manifest().data()) {
                if (!blocks.contains(file.entry())) {
                    throw new PgShiftException(ErrorCode.IO, "the archive lists data of " + file.table()
                            + " that it does not contain");
                }
            }
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read the archive: " + e.getMessage(), e);
        }
    }

    /** The entries a restore with these options takes, as {@link RestoreRun} chooses them. */
    private List<Entry> chosen(Manifest manifest) {
        return LeftOut.apply(options.selection().select(manifest.entries()).stream()
                .filter(e -> !(options.ddl().noSecurityLabels() && e.kind() == Kind.SECURITY_LABEL))
                .map(this::withoutExcludedStatements).toList(), options.ddl());
    }

    private Entry withoutExcludedStatements(Entry e) {
        return e.withSql(e.sql().stream()
                .filter(sql -> !(options.ddl().noOwner() && StatementKinds.isOwnership(sql)))
                .filter(sql -> !(options.ddl().noAcl() && StatementKinds.isPrivilege(sql)))
                .toList());
    }

    private boolean rowsWanted(Entry e) {
        return e.kind() == Kind.TABLE_DATA && options.sections().contains(Section.DATA);
    }

    /**
     * Refuses, naming each table and type, binary rows this pgshift cannot print as text, and binary rows of a dump
     * made before dumps recorded their column types.
     */
    static void refuseUnprintable(List<DataFile> files) {
        List<String> problems = new ArrayList<>();
        for (DataFile file : files) {
            if (!CopyFormat.BINARY.equals(file.format())) {
                continue;
            }
            if (file.columnTypes() == null) {
                problems.add(file.table() + " (the dump does not record its column types: made by an older pgshift)");
                continue;
            }
            List<String> unknown = BinaryCopyText.unsupported(file.columnTypes());
            if (!unknown.isEmpty()) {
                problems.add(file.table() + " (" + String.join(", ", unknown.stream().map(ScriptRestore::typeName)
                        .toList()) + ")");
            }
        }
        List<String> distinct = problems.stream().distinct().toList();
        if (!distinct.isEmpty()) {
            throw new PgShiftException(ErrorCode.CHECK_FAILED, "cannot write rows stored in binary COPY format as "
                    + "text for " + String.join(", ", distinct.subList(0, Math.min(5, distinct.size())))
                    + (distinct.size() > 5 ? " and " + (distinct.size() - 5) + " more tables" : "")
                    + "; nothing was written: restore into a server instead, or leave the tables out (-L, -t, -n)");
        }
    }

    /** An array type as SQL spells it: _int4 is int4[]. */
    private static String typeName(String pgType) {
        return pgType.startsWith("_") ? pgType.substring(1) + "[]" : pgType;
    }

    /** Writes one table's rows: what they come from, and how the end of the data is checked. */
    private interface Rows {
        void write(Entry entry, PlainScript script, Progress progress) throws IOException;
    }

    /** The rows of a table the script leaves out, which an archive must still read past. */
    private interface Skip {
        void skip(Entry entry) throws IOException;
    }

    private interface Check {
        void verify() throws IOException;
    }

    private void write(Manifest manifest, List<Entry> entries, OutputStream out, Rows rows) {
        write(manifest, entries, out, rows, skipped -> {
        });
    }

    /**
     * The script, in the dump's order: its header, the drops of --clean, then each chosen entry of the chosen
     * sections, a table's rows as COPY blocks; within BEGIN and COMMIT for --single-transaction.
     */
    private void write(Manifest manifest, List<Entry> entries, OutputStream out, Rows rows, Skip skip) {
        Map<ObjectRef, Entry> chosen = new LinkedHashMap<>();
        entries.forEach(e -> chosen.put(e.ref(), e));
        long tables = entries.stream().filter(this::rowsWanted).count();
        Progress progress = new Progress(Phase.DATA, (int) tables, 0);
        PlainScript script = new PlainScript(out);
        try {
            script.header(manifest.source());
            if (options.singleTransaction()) {
                out.write("BEGIN;\n\n".getBytes(StandardCharsets.UTF_8));
            }
            if (options.clean()) {
                for (Entry drop : CleanDrops.of(entries, options.ifExists())) {
                    script.drop(drop);
                }
            }
            listener.phaseStarted(progress);
            for (Entry original : manifest.entries()) {
                Entry entry = chosen.get(original.ref());
                if (entry != null && rowsWanted(entry)) {
                    rows.write(entry, script, progress);
                } else if (original.kind() == Kind.TABLE_DATA) {
                    skip.skip(original);
                } else if (entry != null && options.sections().contains(entry.section())) {
                    script.statements(entry);
                }
            }
            listener.phaseFinished(progress);
            if (options.singleTransaction()) {
                out.write("COMMIT;\n".getBytes(StandardCharsets.UTF_8));
            }
            script.complete();
            script.close();
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot write the script: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            script.fail(e.getMessage());
            throw e;
        }
    }

    /** A table's rows as one COPY block, printed as text where they are binary. */
    private void copyBlock(PlainScript script, Entry entry, DataFile file, InputStream in, Check check,
                           Progress progress) throws IOException {
        long start = System.nanoTime();
        OutputStream block = script.copyBlock(entry, file.copyTarget(), options.disableTriggers()
                ? tableName(entry) : null);
        CountedStreams.Input counted = new CountedStreams.Input(in, progress::addBytes);
        long rows;
        try {
            if (CopyFormat.BINARY.equals(file.format())) {
                rows = BinaryCopyText.forTypes(file.columnTypes()).convert(counted, block);
            } else {
                counted.transferTo(block);
                rows = file.rows();
            }
            check.verify();
        } catch (IOException | RuntimeException e) {
            PlainScript.breakCopy(block);
            block.close();
            String message = "the data of " + file.table() + " cannot be written: " + e.getMessage();
            throw e instanceof PgShiftException p ? p : new PgShiftException(ErrorCode.IO, message, e);
        }
        block.close();
        progress.itemDone(rows);
        listener.itemDone(progress, file.table(), rows, counted.count(), Duration.ofNanos(System.nanoTime() - start));
    }


    /** The quoted name of a table data entry's table, which the entry names schema.table. */
    private static String tableName(Entry e) {
        int dot = e.name().indexOf('.');
        return Sql.qualified(e.name().substring(0, dot), e.name().substring(dot + 1));
    }
}
