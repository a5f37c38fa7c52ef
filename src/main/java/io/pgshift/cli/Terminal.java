package io.pgshift.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * What pgshift knows of the terminal it runs on: whether there is one, and its size. Java cannot ask the
 * terminal itself, so the size comes from COLUMNS and LINES when the shell exported them (most do not), else
 * from {@code stty size} reading /dev/tty, else the classic 80 by 24.
 */
record Terminal(boolean present, int columns, int rows) {
    static final int DEFAULT_COLUMNS = 80;
    static final int DEFAULT_ROWS = 24;

    /**
     * The terminal, if standard error, where the status is drawn, is one and it is not dumb. {@code 2>run.log} must
     * get plain lines, not a status redrawn in place, whatever standard output is; and {@code dump -f - | ...}
     * still draws its status on the terminal.
     */
    static Terminal detect() {
        Map<String, String> env = System.getenv();
        boolean present = standardErrorIsATerminal() && !"dumb".equals(env.get("TERM"));
        return present ? size(env) : new Terminal(false, DEFAULT_COLUMNS, DEFAULT_ROWS);
    }

    /**
     * Java can only tell whether standard input and output are a terminal (System.console()). On Linux, the file
     * behind descriptor 2 says it for standard error: a terminal device under /dev/pts or /dev/tty. Elsewhere
     * System.console() is the best guess.
     */
    static boolean standardErrorIsATerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            return isTerminalDevice(Files.readSymbolicLink(fd).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }

    static boolean isTerminalDevice(String path) {
        return path.startsWith("/dev/pts/") || path.startsWith("/dev/tty") || path.equals("/dev/console");
    }

    /** For output drawn on standard output (status, follow): a terminal if standard input and output are one. */
    static Terminal detectOnStandardOutput() {
        Map<String, String> env = System.getenv();
        boolean present = System.console() != null && !"dumb".equals(env.get("TERM"));
        return present ? size(env) : new Terminal(false, DEFAULT_COLUMNS, DEFAULT_ROWS);
    }

    /** The size now: a terminal may be resized while a long run goes on. */
    Terminal resized() {
        return present ? size(System.getenv()) : this;
    }

    private static Terminal size(Map<String, String> env) {
        int columns = positive(env.get("COLUMNS"));
        int rows = positive(env.get("LINES"));
        if (columns == 0 || rows == 0) {
            int[] stty = stty();
            columns = columns != 0 ? columns : stty[1];
            rows = rows != 0 ? rows : stty[0];
        }
        return new Terminal(true, columns != 0 ? columns : DEFAULT_COLUMNS, rows != 0 ? rows : DEFAULT_ROWS);
    }

    /** {@code stty size} prints "rows columns"; {0, 0} when it cannot tell. */
    private static int[] stty() {
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(new File("/dev/tty"))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String answer = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            if (!p.waitFor(2, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroy();
                return new int[2];
            }
            String[] parts = answer.split("\\s+");
            return parts.length == 2 ? new int[] {positive(parts[0]), positive(parts[1])} : new int[2];
        } catch (IOException e) {
            return new int[2];
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new int[2];
        }
    }

    static int positive(String number) {
        try {
            int n = number == null ? 0 : Integer.parseInt(number.strip());
            return Math.max(0, n);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
