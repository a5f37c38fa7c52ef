package io.pgshift.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The target transaction that loads one table or range: opened with its id known, so that a commit cut off by a
 * lost connection can be settled later (see {@link CommitUnknown}), and rolled back whole on any failure.
 */
final class LoadTransaction {
    private final Connection target;
    private final long id;
    private boolean committed;

    private LoadTransaction(Connection target, long id) {
        this.target = target;
        this.id = id;
    }

    /** BEGIN and the transaction's id, in one round trip. */
    static LoadTransaction begin(Connection target) throws SQLException {
        try (Statement st = target.createStatement()) {
            st.execute("BEGIN; SELECT pg_catalog.txid_current()");
            while (!st.getMoreResults() && st.getUpdateCount() != -1) {
                // BEGIN's count comes first.
            }
            try (ResultSet rs = st.getResultSet()) {
                rs.next();
                return new LoadTransaction(target, rs.getLong(1));
            }
        }
    }

    long id() {
        return id;
    }

    /** Commits; a connection lost meanwhile leaves the outcome to be asked, with what was loaded. */
    void commit(long rows, long bytes) throws SQLException {
        try {
            SessionSettings.execute(target, "COMMIT");
            committed = true;
        } catch (SQLException e) {
            if (ConnectionLoss.is(e)) {
                throw new CommitUnknown(id, rows, bytes, e);
            }
            throw e;
        }
    }

    /** Rolls back unless committed; on a connection that is gone, the server has rolled back already. */
    void end() {
        if (committed) {
            return;
        }
        try {
            SessionSettings.execute(target, "ROLLBACK");
        } catch (SQLException ignored) {
            // The connection is broken already; the server rolls back when it goes away.
        }
    }
}
