package io.pgshift.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.archive.Compression;
import io.pgshift.archive.Manifest;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.run.DumpOptions;
import io.pgshift.run.DumpRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "dump", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Dump one database into a directory (the guide's method 4): a manifest with every object's "
                + "statements, plus one compressed data file per table, written by several jobs from one consistent "
                + "snapshot. Restore it with `pgshift restore`. The directory must not exist yet, or be empty; its "
                + "files are readable by their owner only.")
final class DumpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", required = true, paramLabel = "CONN", description = "The database to dump.")
    String source;

    @Option(names = {"-F", "--format"}, paramLabel = "FORMAT", defaultValue = "directory",
            description = "directory (default). plain and archive are not available yet.")
    String format;

    @Option(names = {"-f", "--file"}, required = true, paramLabel = "PATH", description = "The dump directory.")
    Path file;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Tables dumped at the same time (default: 1).")
    int jobs = 1;

    @Option(names = {"-Z", "--compress"}, paramLabel = "METHOD", defaultValue = "zstd",
            description = "Data file compression: zstd (default), gzip or none.")
    String compress;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() {
        if (!"directory".equals(format) && !"d".equals(format)) {
            throw new PgShiftException(ErrorCode.USAGE, "format " + format + " is not available yet; use -F directory");
        }
        Compression compression;
        try {
            compression = Compression.of(compress);
        } catch (IllegalArgumentException e) {
            throw new PgShiftException(ErrorCode.USAGE, "unknown compression " + compress + ": use zstd, gzip or none");
        }
        DumpOptions options = new DumpOptions(ConnInfo.parse(source, Environment.system()), file, jobs, compression);
        Manifest manifest;
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), System.console() != null)) {
            manifest = new DumpRun(options, progress).run();
        }
        long rows = manifest.data().stream().mapToLong(d -> d.rows()).sum();
        long stored = manifest.data().stream().mapToLong(d -> d.storedBytes()).sum();
        spec.commandLine().getOut().println("Dumped " + manifest.source().server() + " (PostgreSQL "
                + manifest.source().serverVersion() + ") to " + file + ": " + manifest.entries().size() + " entries, "
                + Units.count(rows) + " rows in " + manifest.data().size() + " data files, " + Units.bytes(stored)
                + " on disk");
        return 0;
    }
}
