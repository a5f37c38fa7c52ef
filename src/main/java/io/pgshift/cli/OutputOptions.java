package io.pgshift.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * -q, --no-progress and --log-file, on every command that runs long, so that all of them show their progress
 * the same way: a live status on a terminal, timestamped lines anywhere else.
 */
final class OutputOptions {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    @Option(names = {"-q", "--quiet"}, description = "Print only warnings, errors and the final result.")
    boolean quiet;

    @Option(names = "--no-progress",
            description = "No live status on a terminal: a timestamped line per event instead, as in a log.")
    boolean noProgress;

    @Option(names = "--log-file", paramLabel = "FILE",
            description = "Also write each event as a timestamped line to FILE, whatever -q and --no-progress say; "
                    + "appended to, and readable by its owner only.")
    Path logFile;

    /** Work that shows its progress. */
    interface Work<T> {
        T run(ConsoleProgress progress) throws IOException;
    }

    /**
     * Runs the work with a progress renderer that suits the options and the terminal. A failure is written to
     * the log file too, since the error line itself goes only to standard error.
     */
    <T> T run(CommandSpec spec, Work<T> work) throws IOException {
        Terminal terminal = Terminal.detect();
        String command = "pgshift " + spec.name();
        try (PrintWriter log = openLog()) {
            ConsoleProgress progress = ConsoleProgress.start(spec.commandLine().getErr(), mode(terminal.present()),
                    log, terminal);
            progress.logged(command + ": started");
            try {
                T result = work.run(progress);
                progress.logged(command + ": finished");
                return result;
            } catch (IOException | RuntimeException e) {
                progress.logged(command + ": failed: " + (e.getMessage() == null ? e.toString()
                        : e.getMessage().lines().findFirst().orElse("")));
                throw e;
            } finally {
                progress.close();
            }
        }
    }

    ConsoleProgress.Mode mode(boolean terminal) {
        if (quiet) {
            return ConsoleProgress.Mode.QUIET;
        }
        return terminal && !noProgress ? ConsoleProgress.Mode.LIVE : ConsoleProgress.Mode.LINES;
    }

    /**
     * The log file, created readable by its owner only: its lines name servers, databases and tables. An
     * existing one is appended to and made owner-only as well.
     */
    private PrintWriter openLog() {
        if (logFile == null) {
            return null;
        }
        try {
            if (!Files.exists(logFile)) {
                Files.createFile(logFile, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.setPosixFilePermissions(logFile, OWNER_ONLY);
            }
            return new PrintWriter(Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.APPEND));
        } catch (IOException | UnsupportedOperationException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot write the log file " + logFile + ": " + e.getMessage(), e);
        }
    }
}
