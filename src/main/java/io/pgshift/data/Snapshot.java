package io.pgshift.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A read-only REPEATABLE READ transaction on the source whose snapshot other sessions can join. The
 * leader exports it and must stay open until every reader has imported it; readers then see exactly
 * the same rows, so the copy is consistent even while applications keep writing.
 */
public final class Snapshot {
    private static final String BEGIN = "BEGIN TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY";

    private Snapshot() {
    }

    /** Starts the leader's transaction and returns the snapshot id other sessions import. */
    public static String export(Connection leader) throws SQLException {
        try (Statement st = leader.createStatement()) {
            st.execute(BEGIN);
            try (ResultSet rs = st.executeQuery("SELECT pg_catalog.pg_export_snapshot()")) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Starts a transaction in the leader's snapshot; SET TRANSACTION SNAPSHOT must be its first statement. */
    public static void join(Connection reader, String snapshotId) throws SQLException {
        try (Statement st = reader.createStatement()) {
            st.execute(BEGIN);
            st.execute("SET TRANSACTION SNAPSHOT '" + snapshotId.replace("'", "''") + "'");
        }
    }

    /** Ends a reader's or the leader's transaction; nothing was written, so rolling back is the same as committing. */
    public static void end(Connection connection) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("ROLLBACK");
        }
    }
}
