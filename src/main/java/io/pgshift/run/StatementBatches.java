package io.pgshift.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.plan.Entry;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;
import io.pgshift.Errors;

/**
 * Runs many entries' statements in few round trips and few commits. One autocommitted statement at a
 * time is what makes a 10,000-table schema take a minute with psql; a batch of entries is sent as one
 * multi-statement string inside one transaction. Batches stay small enough that one transaction never
 * needs more locks than a default server has.
 */
final class StatementBatches {
    /** Entries per transaction; each CREATE TABLE holds a few locks until commit. */
    private static final int ENTRIES_PER_BATCH = 200;

    private StatementBatches() {
    }

    static void run(Connection target, List<Entry> entries, Progress progress, ProgressListener listener)
            throws SQLException {
        run(target, entries, progress, listener, true, "create");
    }

    /**
     * @param ownTransactions whether each batch is a transaction of its own; false when the caller holds one
     *                        transaction for the whole run (restore --single-transaction)
     * @param verb            what the statements do, for the error: create, drop
     */
    static void run(Connection target, List<Entry> entries, Progress progress, ProgressListener listener,
                    boolean ownTransactions, String verb) throws SQLException {
        for (int from = 0; from < entries.size(); from += ENTRIES_PER_BATCH) {
            List<Entry> batch = entries.subList(from, Math.min(entries.size(), from + ENTRIES_PER_BATCH));
            long start = System.nanoTime();
            if (batch.stream().allMatch(e -> e.sql().isEmpty())) {
                // Entries that only stand for what others created (a serial column's sequence): no round trip.
                batch.forEach(e -> progress.itemDone(0));
                continue;
            }
            try (Statement st = target.createStatement()) {
                for (String sql : strings(batch, ownTransactions)) {
                    st.execute(sql);
                    PrivilegeWarnings.check(st);
                }
            } catch (SQLException e) {
                rollback(target);
                throw locate(target, batch, e, verb);
            }
            for (Entry e : batch) {
                progress.itemDone(0);
            }
            listener.itemDone(progress, batch.size() + " objects", 0, 0,
                    java.time.Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * The batch's statements as few multi-statement strings, which together make one transaction. pgjdbc splits
     * a string at its semicolons, but once it meets BEGIN ATOMIC (a SQL-standard function body, 14+) it stops
     * splitting for the rest of the string, and the server refuses several commands in one; so a statement that
     * may hold such a body ends the string it is in.
     */
    private static List<String> strings(List<Entry> batch, boolean ownTransaction) {
        List<String> strings = new ArrayList<>();
        StringBuilder sql = new StringBuilder(ownTransaction ? "BEGIN;\n" : "");
        for (Entry e : batch) {
            for (String statement : e.sql()) {
                sql.append(statement).append(";\n");
                if (statement.toLowerCase(Locale.ROOT).contains("atomic")) {
                    strings.add(sql.toString());
                    sql.setLength(0);
                }
            }
        }
        if (ownTransaction) {
            sql.append("COMMIT");
        }
        if (!sql.isEmpty()) {
            strings.add(sql.toString());
        }
        return strings;
    }

    /**
     * The batch failed somewhere; replays it one statement at a time in a transaction that is rolled
     * back, so the error names the entry that failed and the statement's own message.
     */
    private static PgShiftException locate(Connection target, List<Entry> batch, SQLException batchError,
                                           String verb) {
        try (Statement st = target.createStatement()) {
            st.execute("BEGIN");
            for (Entry e : batch) {
                for (String statement : e.sql()) {
                    try {
                        st.execute(statement);
                        PrivilegeWarnings.check(st);
                    } catch (SQLException e2) {
                        return new PgShiftException(ErrorCode.MIGRATION_FAILED,
                                "could not " + verb + " " + e + ": " + Errors.firstLine(e2), e2);
                    }
                }
            }
        } catch (SQLException ignored) {
            // Fall through to the batch's own error.
        } finally {
            rollback(target);
        }
        return new PgShiftException(ErrorCode.MIGRATION_FAILED,
                "could not " + verb + " schema objects: " + Errors.firstLine(batchError), batchError);
    }

    private static void rollback(Connection target) {
        try (Statement st = target.createStatement()) {
            st.execute("ROLLBACK");
        } catch (SQLException ignored) {
            // Nothing to roll back, or the connection is gone: either way nothing was committed.
        }
    }
}
