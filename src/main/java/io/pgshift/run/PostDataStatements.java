package io.pgshift.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import io.pgshift.data.SessionSettings;
import io.pgshift.plan.Entry;

/**
 * Runs the statements of one entry built after the rows (an index, a constraint, a refresh), each in a transaction
 * of its own as before, and a statement once more when the server ends it as the victim of a deadlock. Builds run
 * in parallel, and two of them on related tables, a foreign key on a partitioned table and another on one of its
 * partitions, can take their locks in opposite orders; the server then rolls one back, which may simply run again.
 * The statements are not joined in one transaction: a key built as CREATE UNIQUE INDEX, then ADD CONSTRAINT ... USING
 * INDEX, would then hold its table's share lock while it asks for an exclusive one, and two keys of one table built
 * at once would deadlock every time.
 */
final class PostDataStatements {
    /** How often a statement runs at most when it keeps losing deadlocks. */
    static final int ATTEMPTS = 5;
    private static final String DEADLOCK = "40P01";

    private PostDataStatements() {
    }

    /**
     * @param retry false when the session is inside the transaction of a whole restore ({@code --single-transaction}),
     *              which a deadlock ends anyway
     */
    static void run(Connection target, Entry entry, boolean retry) throws SQLException {
        run(target, entry.sql(), retry);
    }

    /**
     * Runs the step so that it is durable once this returns: each statement commits synchronously. Target sessions
     * commit asynchronously, and a step noted done (in the resume log, in the run's count) that a crash of the target
     * then takes back would be lost without a word; a load is asked about again by its transaction's id instead, but
     * a step commits once per statement. Each statement, not only the last: PostgreSQL flushes the WAL at a
     * synchronous commit only if that transaction wrote WAL itself, and a last statement that changed nothing
     * would leave the earlier ones to the WAL writer.
     */
    static void runDurably(Connection target, Entry entry) throws SQLException {
        if (entry.sql().isEmpty()) {
            return;
        }
        SessionSettings.execute(target, "SET synchronous_commit = on");
        run(target, entry.sql(), true);
        SessionSettings.execute(target, "SET synchronous_commit = off");
    }

    private static void run(Connection target, List<String> statements, boolean retry) throws SQLException {
        for (String sql : statements) {
            for (int attempt = 1; ; attempt++) {
                try {
                    PrivilegeWarnings.execute(target, sql);
                    break;
                } catch (SQLException e) {
                    if (!retry || attempt == ATTEMPTS || !DEADLOCK.equals(e.getSQLState())) {
                        throw e;
                    }
                    pause(attempt);
                }
            }
        }
    }

    /** The other build holds its locks a little longer; waiting lets it finish first. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(100L << attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
