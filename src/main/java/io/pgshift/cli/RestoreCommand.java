package io.pgshift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.archive.Manifest;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.plan.Entry;
import io.pgshift.plan.Section;
import io.pgshift.run.RestoreOptions;
import io.pgshift.run.RestoreRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "restore", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Restore a dump made by `pgshift dump` into a target database: a directory (with several "
                + "jobs), or an archive from a file or a pipe (`pgshift dump -F archive -f - | pgshift restore "
                + "--target CONN -`). Every table's data is checked against its checksum before it commits; a "
                + "damaged or incomplete dump is refused.")
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH",
            description = "A dump directory, an archive file, or - to read an archive from standard input.")
    Path path;

    @Option(names = "--target", paramLabel = "CONN",
            description = "The database to restore into; created with the dump's encoding and locale if missing.")
    String target;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", description = "Tables loaded at the same time (default: 1).")
    int jobs = 1;

    @Option(names = {"-O", "--no-owner"}, description = "Do not set owners.")
    boolean noOwner;

    @Option(names = {"-x", "--no-acl", "--no-privileges"}, description = "Do not restore privileges.")
    boolean noAcl;

    @Option(names = "--no-tablespaces", description = "Create everything in the target's default tablespace.")
    boolean noTablespaces;

    @Option(names = "--section", paramLabel = "SECTION",
            description = "Restore only this section: pre-data, data or post-data; may be repeated.")
    List<String> sections;

    @Option(names = {"-l", "--list"}, description = "Print the dump's table of contents and stop.")
    boolean list;

    @Option(names = {"-v", "--verbose"}, description = "Show stack traces of errors.")
    boolean verbose;

    @Override
    public Integer call() throws IOException {
        boolean stdin = "-".equals(path.toString());
        if (list) {
            if (stdin) {
                throw new PgShiftException(ErrorCode.USAGE, "--list needs a dump directory or an archive file, not -");
            }
            printList(RestoreRun.manifest(path), spec.commandLine().getOut());
            return 0;
        }
        if (target == null) {
            throw new PgShiftException(ErrorCode.USAGE, "--target is required unless --list is given");
        }
        RestoreOptions options = new RestoreOptions(ConnInfo.parse(target, Environment.system()), path, jobs,
                new DdlOptions(noOwner, noAcl, noTablespaces), sections());
        try (ConsoleProgress progress = new ConsoleProgress(spec.commandLine().getErr(), System.console() != null)) {
            RestoreRun run = new RestoreRun(options, progress);
            if (stdin) {
                run.runArchive(System.in);
            } else if (Files.isDirectory(path)) {
                run.run();
            } else {
                try (InputStream in = Files.newInputStream(path)) {
                    run.runArchive(in);
                } catch (NoSuchFileException e) {
                    throw new PgShiftException(ErrorCode.IO, path + " does not exist", e);
                }
            }
        }
        spec.commandLine().getOut().println("Restored " + (stdin ? "standard input" : path) + " into "
                + options.target().describe());
        return 0;
    }

    private Set<Section> sections() {
        if (sections == null || sections.isEmpty()) {
            return EnumSet.allOf(Section.class);
        }
        Set<Section> chosen = EnumSet.noneOf(Section.class);
        for (String s : sections) {
            try {
                chosen.add(Section.valueOf(s.toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new PgShiftException(ErrorCode.USAGE, "unknown section " + s + ": use pre-data, data or post-data");
            }
        }
        return chosen;
    }

    private static void printList(Manifest manifest, PrintWriter out) {
        out.println(";");
        out.println("; pgshift dump of " + manifest.source().database() + " from " + manifest.source().server()
                + " (PostgreSQL " + manifest.source().serverVersion() + "), made " + manifest.createdAt());
        out.println("; format version " + manifest.formatVersion() + ", " + manifest.entries().size() + " entries, "
                + manifest.data().size() + " data files");
        out.println(";");
        int n = 0;
        for (Entry e : manifest.entries()) {
            out.printf(Locale.ROOT, "%d; %s %s %s%n", ++n, e.section().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                    e.kind(), e.name());
        }
        out.flush();
    }
}
