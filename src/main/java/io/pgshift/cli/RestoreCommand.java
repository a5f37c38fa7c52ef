package io.pgshift.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.archive.Manifest;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;
import io.pgshift.report.Contents;
import io.pgshift.report.ReportSession;
import io.pgshift.run.RestoreOptions;
import io.pgshift.run.RestoreRun;
import io.pgshift.run.RestoreSelection;
import io.pgshift.run.ScriptRestore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "restore", sortOptions = false,
        description = "Restore a dump made by `pgshift dump` into a target database: a directory (with several "
                + "jobs), or an archive from a file or a pipe (`pgshift dump -F archive -f - | pgshift restore "
                + "--target CONN -`). Every table's data is checked against its checksum before it commits; a "
                + "damaged or incomplete dump is refused. With -f, the dump is written as a SQL script for psql "
                + "instead, as pg_restore -f does.")
final class RestoreCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "PATH",
            description = "A dump directory, an archive file, or - to read an archive from standard input.")
    Path path;

    @Option(names = "--target", paramLabel = "CONN",
            description = "The database to restore into; created with the dump's encoding and locale if missing. "
                    + "Without it, -h, -p, -U, -d and the PG* environment variables name it.")
    String target;

    @Mixin
    PgDumpFlags server = new PgDumpFlags();

    @Option(names = {"-j", "--jobs"}, paramLabel = "N", converter = AtLeast.One.class, description = "Tables loaded at the same time (default: 1).")
    int jobs = 1;

    @Option(names = "--keep-role-grants",
            description = "A target user that is not a superuser (a managed service's admin) grants itself "
                    + "membership in the roles the dump gives objects to, and takes it back at the end; keep it "
                    + "instead.")
    boolean keepRoleGrants;

    @Mixin
    DdlFlags ddl = new DdlFlags();

    @Mixin
    FaultFlags faults = new FaultFlags();

    @Mixin
    ResumeFlags resumeFlags = new ResumeFlags();

    @Mixin
    ReportOption report = new ReportOption();

    @Option(names = "--section", paramLabel = "SECTION",
            description = "Restore only this section: pre-data, data or post-data; may be repeated.")
    List<String> sections;

    @Option(names = {"-a", "--data-only"},
            description = "Restore only the rows, sequence positions and large objects (the data section), into "
                    + "tables that exist and are empty.")
    boolean dataOnly;

    @Option(names = "--disable-triggers",
            description = "With -a or --section data alone, disable each table's triggers, foreign keys' checks "
                    + "among them, while its rows go in, inside the table's own transaction, as pg_restore does. "
                    + "Needs a superuser, or the tables' owner for tables without foreign keys: checked before "
                    + "anything is written.")
    boolean disableTriggers;

    @Option(names = {"-c", "--clean"},
            description = "Drop each object before creating it again, dependents first; a target that is not empty "
                    + "is then accepted.")
    boolean clean;

    @Option(names = "--if-exists", description = "With --clean, drop with IF EXISTS, so objects that are not there "
            + "are no error.")
    boolean ifExists;

    @Option(names = {"-1", "--single-transaction"},
            description = "Restore everything in one transaction on one session: all or nothing. Not with -j.")
    boolean singleTransaction;

    @Option(names = {"-n", "--schema"}, paramLabel = "SCHEMA",
            description = "Restore only the objects of this schema; may be repeated.")
    List<String> schemas = new ArrayList<>();

    @Option(names = {"-t", "--table"}, paramLabel = "NAME",
            description = "Restore only this table, view or sequence (with its rows, without its indexes); may be "
                    + "repeated. With -n, only in those schemas.")
    List<String> tables = new ArrayList<>();

    @Option(names = "--strict-names",
            description = "Each -n and -t must match something in the dump, as pg_restore --strict-names requires. "
                    + "pgshift always requires it: one that matches nothing stops the restore (exit 2) before "
                    + "anything is written.")
    boolean strictNames;

    @Option(names = {"-L", "--use-list"}, paramLabel = "FILE",
            description = "Restore only the entries listed in FILE, by the numbers `restore --list` prints; "
                    + "lines starting with ';' are comments.")
    Path useList;

    @Option(names = {"-l", "--list"}, description = "Print the dump's table of contents and stop.")
    boolean list;

    @Option(names = {"-f", "--file"}, paramLabel = "FILE",
            description = "Write a SQL script for psql -v ON_ERROR_STOP=1 instead of restoring into a server, as "
                    + "pg_restore -f does; - for standard output. The options that choose what a restore takes "
                    + "(-a, -n, -t, -L, --section, --clean, --no-owner, ...) apply to the script the same way.")
    Path file;

    @Mixin
    OutputOptions output = new OutputOptions();

    @Mixin
    Verbose verbose = new Verbose();

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public Integer call() throws IOException {
        boolean stdin = "-".equals(path.toString());
        if (list) {
            if (stdin) {
                throw new PgShiftException(ErrorCode.USAGE, "--list needs a dump directory or an archive file, not -");
            }
            Manifest manifest = RestoreRun.checkedManifest(path);
            if (file == null || "-".equals(file.toString())) {
                printList(manifest, spec.commandLine().getOut());
            } else {
                // As pg_restore -l -f: the list goes into the file, ready to be trimmed for -L.
                try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
                    printList(manifest, out);
                }
            }
            return 0;
        }
        if (file != null) {
            return script(stdin);
        }
        RestoreOptions options = options(target(Environment.system()));
        String from = stdin ? "standard input" : path.toAbsolutePath().toString();
        ReportSession[] sessions = new ReportSession[1];
        try {
            output.run(spec, progress -> {
                sessions[0] = report.session("restore", from, options.target().describe(), progress);
                return sessions[0].run(() -> restore(new RestoreRun(options, sessions[0].listener()), stdin),
                        done -> Contents.of(Map.of("dump", from), List.of()));
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        ReportSession session = sessions[0];
        spec.commandLine().getOut().println("Restored " + (stdin ? "standard input" : path) + " into "
                + options.target().describe());
        ReportOption.written(session, spec.commandLine().getOut());
        return 0;
    }

    /** restore -f: the dump as a script, to a file that takes its name once whole, or to standard output. */
    private Integer script(boolean stdin) throws IOException {
        if (target != null || server.flags().any() || server.role != null) {
            throw new PgShiftException(ErrorCode.USAGE, "-f/--file writes a script instead of restoring into a "
                    + "server: leave out --target, -h, -p, -U, -d and --role");
        }
        if (jobs > 1) {
            throw new PgShiftException(ErrorCode.USAGE, "-f/--file writes one script from top to bottom: leave out "
                    + "-j/--jobs");
        }
        if (keepRoleGrants || report.file != null || resumeFlags.resume) {
            throw new PgShiftException(ErrorCode.USAGE, "-f/--file writes a script and restores nothing: leave out "
                    + (keepRoleGrants ? "--keep-role-grants" : report.file != null ? "--report" : "--resume"));
        }
        RestoreOptions options = options(null);
        boolean toStdout = "-".equals(file.toString());
        String from = stdin ? "standard input" : path.toString();
        // The progress goes to standard error, so standard output can hold the script alone.
        output.run(spec, progress -> {
            ScriptRestore run = new ScriptRestore(options, progress);
            if (toStdout) {
                script(run, stdin, System.out);
                return null;
            }
            return PartialFile.write(file, "script", out -> {
                script(run, stdin, out);
                return null;
            });
        });
        // With the script on standard output, the summary must not end up inside it.
        PrintWriter summary = toStdout ? spec.commandLine().getErr() : spec.commandLine().getOut();
        summary.println("Wrote " + from + " as a script to " + (toStdout ? "standard output" : file));
        summary.flush();
        return 0;
    }

    private void script(ScriptRestore run, boolean stdin, OutputStream out) {
        if (stdin) {
            run.runArchive(System.in, out);
        } else if (Files.isDirectory(path)) {
            run.run(path, out);
        } else if (Files.isRegularFile(path)) {
            run.runArchiveFile(path, out);
        } else {
            throw new PgShiftException(ErrorCode.IO, path + " does not exist");
        }
    }

    /** Restores; an I/O error goes through the report's run unchecked and comes out as it was. */
    private Void restore(RestoreRun run, boolean stdin) {
        if (stdin) {
            run.runArchive(System.in);
        } else if (Files.isDirectory(path)) {
            run.run();
        } else {
            try (InputStream in = Files.newInputStream(path)) {
                run.runArchive(in);
            } catch (NoSuchFileException e) {
                throw new PgShiftException(ErrorCode.IO, path + " does not exist", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    /** What to restore, checked as the command line is: into the target, or into a script without one. */
    private RestoreOptions options(ConnInfo into) {
        if (singleTransaction && jobs > 1) {
            throw new PgShiftException(ErrorCode.USAGE, "--single-transaction and -j/--jobs cannot be used together");
        }
        if (ifExists && !clean) {
            throw new PgShiftException(ErrorCode.USAGE, "--if-exists requires --clean");
        }
        if (resumeFlags.resume && clean) {
            throw new PgShiftException(ErrorCode.USAGE, "--resume goes on with an interrupted restore, --clean "
                    + "starts over: give one of them");
        }
        Set<Section> chosenSections = sections();
        if (clean && !chosenSections.contains(Section.PRE_DATA)) {
            throw new PgShiftException(ErrorCode.USAGE, "--clean needs the pre-data section: it drops what it creates");
        }
        if (disableTriggers && !(chosenSections.contains(Section.DATA) && !chosenSections.contains(Section.PRE_DATA))) {
            throw new PgShiftException(ErrorCode.USAGE, "--disable-triggers is for a data-only restore: add -a "
                    + "(or --section data)");
        }
        RestoreSelection selection = new RestoreSelection(schemas, tables, useList == null ? null : listed(useList));
        return new RestoreOptions(into, path, jobs, ddl.toOptions(), chosenSections, clean, ifExists,
                singleTransaction, selection, keepRoleGrants).withFaults(faults.toFaults())
                .withDisableTriggers(disableTriggers).withResume(resumeFlags.resume, resumeFlags.stateDir);
    }

    /**
     * The entry numbers of a list file: what `restore --list` printed, trimmed by hand. As with pg_restore -L, the
     * number before the first ';' of a line names its entry, and a line starting with ';' is a comment.
     */
    static Set<Integer> listed(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot read the list " + file + ": " + e.getMessage(), e);
        }
        Set<Integer> listed = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith(";")) {
                continue;
            }
            int end = line.indexOf(';');
            String number = (end < 0 ? line : line.substring(0, end)).strip();
            try {
                listed.add(Integer.parseInt(number));
            } catch (NumberFormatException e) {
                throw new PgShiftException(ErrorCode.USAGE, file + " line " + (i + 1)
                        + ": expected an entry number as `restore --list` prints it, found " + line);
            }
        }
        return listed;
    }

    ConnInfo target(Environment env) {
        return ConnectionArgument.optional(spec.commandLine(), "--target", target, server.flags(), env);
    }

    /** The sections to restore: --section's, or the data section alone for -a, as pg_restore -a. */
    Set<Section> sections() {
        boolean sectionsGiven = sections != null && !sections.isEmpty();
        if (dataOnly && sectionsGiven) {
            throw new PgShiftException(ErrorCode.USAGE, "-a/--data-only restores the data section: leave out --section");
        }
        if (dataOnly) {
            return EnumSet.of(Section.DATA);
        }
        if (!sectionsGiven) {
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
