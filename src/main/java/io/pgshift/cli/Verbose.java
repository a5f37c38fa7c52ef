package io.pgshift.cli;

import picocli.CommandLine.Option;

/** -v/--verbose, on every command that can fail. Main reads it to decide whether to print stack traces. */
final class Verbose {
    static final String NAME = "--verbose";

    @Option(names = {"-v", NAME}, description = "Show stack traces of errors, and the JDBC driver's log.")
    boolean verbose;
}
