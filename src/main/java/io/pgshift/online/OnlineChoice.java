package io.pgshift.online;

import io.pgshift.connect.ConnInfo;

/**
 * What an upgrade does online, for each of its databases: as {@link OnlineOptions} without the copy, which the
 * upgrade makes per database.
 *
 * @param replicaIdentityFull give tables without a key REPLICA IDENTITY FULL instead of refusing them
 * @param sourceFromTarget    how the target reaches the source's server, as key=value pairs without a database
 *                            (each database's name is added); null for the source's own connection string
 * @param maxSlotWal          the most WAL each database's slot may hold while it is copied; 0 for no limit
 */
public record OnlineChoice(boolean replicaIdentityFull, String sourceFromTarget, long maxSlotWal) {

    /** The options of one database's online copy. */
    public OnlineOptions forCopy(io.pgshift.run.CopyOptions copy, String database) {
        String reach = sourceFromTarget == null ? null
                : sourceFromTarget + " dbname='" + database.replace("\\", "\\\\").replace("'", "\\'") + "'";
        return new OnlineOptions(copy, reach, replicaIdentityFull, maxSlotWal, OnlineOptions.DEFAULT_FOLLOW_TIMEOUT);
    }

    /** Whether a connection names one database, or a whole server whose online copies are all meant. */
    public static boolean wholeServer(ConnInfo source) {
        return !source.namesDatabase();
    }
}
