package io.pgshift.embedded;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts the external programs (initdb, postgres, openssl, kill) with output going to a log file. */
final class Commands {
    private static final boolean ROOT = effectiveUidIsRoot();

    private Commands() {
    }

    /**
     * initdb and postgres refuse to run as root. As root we run them through `unshare -U`: in a fresh
     * user namespace they see themselves as an unmapped, unprivileged uid, while the files they write
     * still belong to root outside. unshare execs the binary, so the child's pid is the binary's own.
     */
    static List<String> serverBinary(Path binary, String... args) {
        List<String> command = new ArrayList<>();
        if (ROOT) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(binary.toString());
        command.addAll(List.of(args));
        return command;
    }

    static Process start(List<String> command, Path log) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        Map<String, String> environment = builder.environment();
        // PGDATA, PGPORT, PGHOST... in the user's shell must not steer our servers; C messages keep logs greppable.
        environment.keySet().removeIf(name -> name.startsWith("PG"));
        environment.put("LC_ALL", "C");
        return builder.start();
    }

    /** Runs a command to completion; any failure becomes one exception naming it, with the log's tail. */
    static void run(String what, List<String> command, Path log, Duration timeout) {
        try {
            Files.createDirectories(log.getParent());
            Process process = start(command, log);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                throw new PgShiftException(ErrorCode.INTERNAL,
                        what + " did not finish within " + timeout.toSeconds() + " s: " + FileTrees.tail(log, 5));
            }
            if (process.exitValue() != 0) {
                throw new PgShiftException(ErrorCode.INTERNAL,
                        what + " failed with exit code " + process.exitValue() + ": " + FileTrees.tail(log, 5));
            }
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "cannot run " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgShiftException(ErrorCode.INTERRUPTED, "interrupted while running " + what, e);
        }
    }

    private static boolean effectiveUidIsRoot() {
        try {
            // /proc/self belongs to the effective uid of the process reading it.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }
}
