package io.pgshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.archive.Compression;
import io.pgshift.archive.Manifest;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.report.Contents;
import io.pgshift.report.ReportSession;
import io.pgshift.run.DumpOptions;
import io.pgshift.run.DumpRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "dump", sortOptions = false,
        description = {"Dump one database, from one consistent snapshot.",
            "-F directory (the guide's method 4): a manifest with every object's statements plus one compressed "
                + "data file per table, written by several jobs; restore it with `pgshift restore -j N`. The "
                + "directory must not exist yet, or be empty; its files are readable by their owner only.",
            "-F archive (the guide's methods 2 and 3): one file, or a stream through a pipe: "
                + "`pgshift dump -F archive -f - | pgshift restore --target CONN -`.",
            "-F plain (the guide's method 1): one SQL script with the rows in COPY blocks, for "
                + "`psql -v ON_ERROR_STOP=1 -f FILE`; without -f, or with -f -, it goes to standard output."})
final class DumpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "CONN",
            description = "The database to dump. Without it, -h, -p, -U, -d and the PG* environment variables name it.")
    String source;

    @Mixin
    PgDumpFlags server = new PgDumpFlags();

    @Option(names = {"-F", "--format"}, paramLabel = "FORMAT", defaultValue = "directory",
            description = "The dump's format: directory (default), archive or plain.")
    String format;

    @Option(names = {"-f", "--file"}, paramLabel = "PATH",
            description = "The dump directory; with -F plain or archive, the file (- for standard output, where a "
                    + "plain script also goes without -f).")
    Path file;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", converter = AtLeast.One.class, description = "Tables dumped at the same time (default: 1).")
    int jobs = 1;

    @Option(names = {"-c", "--clean"},
            description = "With -F plain, drop each object before creating it, dependents first, so the script "
                    + "replaces what a database holds of it; other formats leave that to restore --clean.")
    boolean clean;

    @Option(names = "--if-exists", description = "With --clean, drop with IF EXISTS: no error for a missing object.")
    boolean ifExists;

    @Option(names = {"-s", "--schema-only"},
            description = "Dump the definitions only: no rows, sequence positions or large objects.")
    boolean schemaOnly;

    @Option(names = {"-a", "--data-only"},
            description = "Dump only the rows, sequence positions and large objects (the data section), for tables "
                    + "that exist where the dump is restored, as pg_dump -a.")
    boolean dataOnly;

    @Option(names = "--disable-triggers",
            description = "With -a and -F plain, disable each table's triggers, foreign keys' checks among them, "
                    + "while its rows go in (ALTER TABLE ... DISABLE TRIGGER ALL, then ENABLE), as pg_dump does; "
                    + "replaying the script then needs a superuser or, for tables without foreign keys, their owner.")
    boolean disableTriggers;

    @Option(names = "--split-tables-larger-than", paramLabel = "SIZE", converter = ByteSize.class,
            description = "With -F directory and -j 2 or more, write a table larger than this (e.g. 100MB; 0 never) "
                    + "as several range files at once, which restore loads at once too. Default: 256MB.")
    Long splitTablesLargerThan;

    @Option(names = "--split-max-parts", paramLabel = "N", converter = AtLeast.One.class,
            description = "How many ranges such a table is cut into at most (default: the same as --jobs).")
    Integer splitMaxParts;

    @Option(names = {"-Z", "--compress"}, paramLabel = "METHOD", defaultValue = "zstd",
            description = "Data file compression: zstd (default), gzip or none.")
    String compress;

    @Mixin
    FilterOptions filter = new FilterOptions();

    @Mixin
    LeaveOutFlags leaveOut = new LeaveOutFlags();

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
        boolean plain = "plain".equals(format) || "p".equals(format);
        boolean archive = "archive".equals(format) || "a".equals(format) || "c".equals(format) || "custom".equals(format);
        if (!plain && !archive && !"directory".equals(format) && !"d".equals(format)) {
            throw new PgShiftException(ErrorCode.USAGE, "unknown format " + format + ": use plain, archive or directory");
        }
        Compression compression;
        try {
            compression = Compression.of(compress);
        } catch (IllegalArgumentException e) {
            throw new PgShiftException(ErrorCode.USAGE, "unknown compression " + compress + ": use zstd, gzip or none");
        }
        if (ifExists && !clean) {
            throw new PgShiftException(ErrorCode.USAGE, "--if-exists needs -c/--clean");
        }
        if (dataOnly && (schemaOnly || clean)) {
            throw new PgShiftException(ErrorCode.USAGE, "-a/--data-only cannot be used with "
                    + (schemaOnly ? "-s/--schema-only" : "-c/--clean: a data-only script creates nothing to drop"));
        }
        if (disableTriggers && !(dataOnly && plain)) {
            throw new PgShiftException(ErrorCode.USAGE, "--disable-triggers is for a data-only plain script: "
                    + (dataOnly ? "with -F " + format + ", give it to restore -a instead" : "add -a and -F plain"));
        }
        // As pg_dump does, a plain script without -f goes to standard output.
        boolean toStdout = plain && file == null || (plain || archive) && isStdout(file);
        if (file == null && !plain) {
            throw new PgShiftException(ErrorCode.USAGE, "-F " + format + " needs -f " + (archive ? "FILE (- for "
                    + "standard output)" : "DIR"));
        }
        DumpOptions options = new DumpOptions(source(Environment.system()), file, jobs,
                compression,
                filter.toFilter(),
                splitTablesLargerThan != null ? splitTablesLargerThan : DumpOptions.DEFAULT_SPLIT_THRESHOLD,
                splitMaxParts != null ? splitMaxParts : 0, schemaOnly, clean, ifExists, dataOnly,
                leaveOut.applyTo(DdlOptions.DEFAULTS), disableTriggers);
        boolean stream = plain || archive;
        String to = toStdout ? "standard output" : file.toAbsolutePath().toString();
        ReportSession[] sessions = new ReportSession[1];
        Manifest manifest = output.run(spec, progress -> {
            sessions[0] = report.session("dump", options.source().describe(), to, progress);
            return sessions[0].run(() -> dump(new DumpRun(options, sessions[0].listener()), plain, stream, toStdout),
                    m -> Contents.of(result(m, format, to), List.of()));
        });
        ReportSession session = sessions[0];
        long rows = manifest.data().stream().mapToLong(d -> d.rows()).sum();
        long stored = manifest.data().stream().mapToLong(d -> d.storedBytes()).sum();
        // With the script on standard output, the summary must not end up inside it.
        PrintWriter summary = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        summary.println("Dumped " + manifest.source().server() + " (PostgreSQL " + manifest.source().serverVersion()
                + ") to " + (toStdout ? "standard output" : file) + ": " + manifest.entries().size() + " entries"
                + (plain ? "" : ", " + Units.count(rows) + " rows in " + manifest.data().size() + " data files, "
                        + Units.bytes(stored) + " on disk"));
        summary.flush();
        ReportOption.written(session, summary);
        return 0;
    }

    private Manifest dump(DumpRun run, boolean plain, boolean stream, boolean toStdout) {
        if (stream && toStdout) {
            return plain ? run.runPlain(System.out) : run.runArchive(System.out);
        }
        if (!stream) {
            return run.run();
        }
        // The file is written under a name of its own and gets its real name only once it is whole: a
        // failed or interrupted dump must not leave a file that looks like a dump.
        return PartialFile.write(file, "dump", out -> plain ? run.runPlain(out) : run.runArchive(out));
    }

    /** The dump's figures for the JSON report; the manifest itself, every statement, stays in the dump. */
    private static Map<String, Object> result(Manifest manifest, String format, String to) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("format", format);
        result.put("file", to);
        result.put("entries", manifest.entries().size());
        result.put("dataFiles", manifest.data().size());
        result.put("rows", manifest.data().stream().mapToLong(d -> d.rows()).sum());
        result.put("storedBytes", manifest.data().stream().mapToLong(d -> d.storedBytes()).sum());
        return result;
    }

    ConnInfo source(Environment env) {
        return ConnectionArgument.optional(spec.commandLine(), "--source", source, server.flags(), env)
                .withLockTimeout(lockWait.timeout);
    }

    private static boolean isStdout(Path file) {
        return file != null && "-".equals(file.toString());
    }

}
