package io.pgshift.cli;

import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import io.pgshift.online.OnlineChoice;

/** The choices of an online copy that copy --online and upgrade --online share, with their one check. */
final class OnlineFlags {
    @Option(names = "--replica-identity-full",
            description = "With --online: give REPLICA IDENTITY FULL to tables with neither a primary key nor a "
                    + "replica identity, instead of refusing them. Each UPDATE and DELETE on them then logs the whole "
                    + "old row, and the target finds it by reading the table. Undone at the cutover or abort.")
    boolean replicaIdentityFull;

    @Option(names = "--source-from-target", paramLabel = "CONN",
            description = "With --online: how the target reaches the source, when not as --source says (another "
                    + "host name, a private address). Stored in the target's subscription until the cutover. For a "
                    + "whole server (upgrade), key=value pairs without a database name: each database's is added.")
    String sourceFromTarget;

    @Option(names = "--max-slot-wal", paramLabel = "SIZE", converter = ByteSize.class,
            description = "With --online: the most WAL a database's replication slot may hold on the source while it "
                    + "is copied (e.g. 20GB): refused up front when the WAL rate of the moment says it would be "
                    + "passed, and given up, with everything removed, when it is. Default: no limit.")
    Long maxSlotWal;

    /** Whether any of these was given, which only --online allows. */
    boolean given() {
        return replicaIdentityFull || sourceFromTarget != null || maxSlotWal != null;
    }

    /** A usage error when one of these was given without --online; {@code others} names the command's own. */
    void requireOnline(CommandLine command, boolean online, boolean othersGiven, String others) {
        if (!online && (given() || othersGiven)) {
            throw new ParameterException(command, "--replica-identity-full, --source-from-target"
                    + (others.isEmpty() ? " and --max-slot-wal" : ", --max-slot-wal and " + others)
                    + " go with --online");
        }
    }

    OnlineChoice choice() {
        return new OnlineChoice(replicaIdentityFull, sourceFromTarget, maxSlotWal != null ? maxSlotWal : 0);
    }
}
