package io.pgshift.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.pgshift.plan.Entry;

/**
 * Runs the statements of one entry built after the rows (an index, a constraint, a refresh), in a transaction of
 * its own, and once more when the server ends it as the victim of a deadlock. Builds run in parallel, and two of
 * them on related tables, a foreign key on a partitioned table and another on one of its partitions, can take
 * their locks in opposite orders; the server then rolls one back, which may simply run again.
 */
final class PostDataStatements {
    /** How often an entry runs at most when it keeps losing deadlocks. */
    static final int ATTEMPTS = 3;
    private static final String DEADLOCK = "40P01";

    private PostDataStatements() {
    }

    /**
     * @param ownTransaction false when the session is already inside the transaction of a whole restore
     *                       ({@code --single-transaction}), which a deadlock ends anyway
     */
    static void run(Connection target, Entry entry, boolean ownTransaction) throws SQLException {
        for (int attempt = 1; ; attempt++) {
            try {
                if (ownTransaction) {
                    execute(target, "BEGIN");
                }
                for (String sql : entry.sql()) {
                    PrivilegeWarnings.execute(target, sql);
                }
                if (ownTransaction) {
                    execute(target, "COMMIT");
                }
                return;
            } catch (SQLException | RuntimeException e) {
                if (ownTransaction) {
                    rollback(target, e);
                }
                if (!ownTransaction || attempt == ATTEMPTS || !(e instanceof SQLException s)
                        || !DEADLOCK.equals(s.getSQLState())) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private static void execute(Connection target, String sql) throws SQLException {
        try (Statement st = target.createStatement()) {
            st.execute(sql);
        }
    }

    private static void rollback(Connection target, Exception cause) {
        try {
            execute(target, "ROLLBACK");
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** The other build holds its locks a little longer; waiting lets it finish first. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(200L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
