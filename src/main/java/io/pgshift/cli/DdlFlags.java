package io.pgshift.cli;

import io.pgshift.ddl.DdlOptions;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** pg_restore's options that change the statements written, shared by the commands that write a schema. */
final class DdlFlags {
    @Option(names = {"-O", "--no-owner"}, description = "Do not set owners; the target user owns everything it creates.")
    boolean noOwner;

    @Option(names = {"-x", "--no-acl", "--no-privileges"},
            description = "Do not copy privileges (GRANT/REVOKE); objects get the target's defaults.")
    boolean noAcl;

    @Option(names = "--no-tablespaces",
            description = "Do not keep tablespaces; everything goes to the target database's default tablespace.")
    boolean noTablespaces;

    @Option(names = "--no-security-labels",
            description = "Do not copy security labels, which need their provider loaded on the target.")
    boolean noSecurityLabels;

    @Mixin
    LeaveOutFlags leaveOut = new LeaveOutFlags();

    DdlOptions toOptions() {
        return leaveOut.applyTo(new DdlOptions(noOwner, noAcl, noTablespaces, noSecurityLabels));
    }
}
