package io.pgshift.cli;

import io.pgshift.ddl.DdlOptions;
import picocli.CommandLine.Option;

/** pg_dump's and pg_restore's options that leave kinds of objects out, shared by every command that writes a schema. */
final class LeaveOutFlags {
    @Option(names = "--no-comments", description = "Leave out comments (COMMENT ON).")
    boolean noComments;

    @Option(names = "--no-publications", description = "Leave out publications, with the tables they publish.")
    boolean noPublications;

    @Option(names = "--no-subscriptions", description = "Leave out subscriptions.")
    boolean noSubscriptions;

    DdlOptions applyTo(DdlOptions options) {
        return options.leavingOut(noComments, noPublications, noSubscriptions);
    }
}
