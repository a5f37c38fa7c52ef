package io.pgshift.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** How a copy or a restore is taken up again after an interruption. */
final class ResumeFlags {
    @Option(names = "--resume",
            description = "Go on with an interrupted run of the same command, from the same source or dump into the "
                    + "same target: tables, indexes and constraints that are done stay, the rest is done now. "
                    + "Refused when the source's schema, the dump or the options changed since.")
    boolean resume;

    @Option(names = "--state-dir", paramLabel = "DIR",
            description = "Where the run keeps the log that --resume reads (default: $XDG_STATE_HOME/pgshift, else "
                    + "~/.local/state/pgshift). The log goes away when the run succeeds.")
    Path stateDir;
}
