package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.Locale;

import io.pgshift.ErrorCode;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * A usage error as one line on standard error, naming the command and where its help is, and exit code 2: the
 * help itself is dozens of lines that would push the one that matters off the screen.
 */
final class UsageErrors {
    private UsageErrors() {
    }

    static int print(CommandLine cli, String message) {
        String command = cli.getCommandSpec().qualifiedName();
        PrintWriter err = cli.getErr();
        err.println(command + ": " + message + " (try " + command + " --help)");
        err.flush();
        return ErrorCode.USAGE.exitCode();
    }

    /** Picocli's message, except that a value pgshift refused reads "--jobs must be at least 1". */
    static String message(ParameterException e) {
        if (e.getCause() instanceof BadValue bad && e.getArgSpec() instanceof OptionSpec option) {
            return option.longestName() + " " + bad.getMessage();
        }
        return lowerFirst(e.getMessage());
    }

    /** "Unknown option: '--x'" becomes "unknown option: '--x'", to read on after "pgshift copy: ". */
    private static String lowerFirst(String s) {
        if (s == null || s.length() < 2 || !Character.isLowerCase(s.charAt(1))) {
            return String.valueOf(s);
        }
        return s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
    }
}
