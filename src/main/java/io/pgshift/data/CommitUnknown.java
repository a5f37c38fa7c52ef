package io.pgshift.data;

import java.sql.SQLException;

/**
 * The connection went away while the target committed a table's rows: the commit may or may not have happened.
 * The transaction's id lets a new session ask the target ({@code txid_status}), so that a retry neither loads the
 * rows twice nor leaves them out.
 */
public final class CommitUnknown extends SQLException {
    private final long transactionId;
    private final transient TableCopier.Result result;

    CommitUnknown(long transactionId, TableCopier.Result result, SQLException cause) {
        super("lost the connection while the target committed: " + cause.getMessage(), cause.getSQLState(), cause);
        this.transactionId = transactionId;
        this.result = result;
    }

    public long transactionId() {
        return transactionId;
    }

    /** What the transaction held, should it have committed. */
    public TableCopier.Result result() {
        return result;
    }
}
