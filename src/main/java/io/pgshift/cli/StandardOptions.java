package io.pgshift.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * --help and -V/--version, on every command. Not picocli's standard help options: those take -h for help, which
 * pg_dump, pg_restore and psql use for the host, and pgshift's one-ended commands do too.
 */
@Command(versionProvider = Version.class)
final class StandardOptions {
    @Option(names = "--help", usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true,
            description = "Show pgshift's version and the commit it was built from, and exit.")
    boolean version;
}
