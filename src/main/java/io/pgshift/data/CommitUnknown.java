package io.pgshift.data;

import java.sql.SQLException;

/**
 * The connection went away while the target committed a table's rows: the commit may or may not have happened.
 * The transaction's id lets a new session ask the target ({@code txid_status}), so that a retry neither loads the
 * rows twice nor leaves them out.
 */
public final class CommitUnknown extends SQLException {
    private final long transactionId;
    private final long rows;
    private final long bytes;

    CommitUnknown(long transactionId, long rows, long bytes, SQLException cause) {
        super("lost the connection while the target committed: " + cause.getMessage(), cause.getSQLState(), cause);
        this.transactionId = transactionId;
        this.rows = rows;
        this.bytes = bytes;
    }

    public long transactionId() {
        return transactionId;
    }

    /** The rows the transaction loaded, should it have committed. */
    public long rows() {
        return rows;
    }

    /** The bytes it moved. */
    public long bytes() {
        return bytes;
    }
}
