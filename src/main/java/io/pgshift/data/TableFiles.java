package io.pgshift.data;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/**
 * Moves one table's rows between a server and a stream: out of a source into a dump file, or from a dump file
 * into a target. pgjdbc cancels the COPY when the stream fails, so a failed load never commits part of a
 * table.
 */
public final class TableFiles {
    /** How far a load has read; checked before the table's transaction commits. */
    @FunctionalInterface
    public interface BeforeCommit {
        void check() throws IOException;
    }

    private static final int BUFFER_BYTES = 256 * 1024;

    private TableFiles() {
    }

    /**
     * Writes the rows of the COPY target to the stream; returns the number of rows. pgjdbc writes one row at a
     * time, and each write into a compressor is a call into native code: gathering rows first halved the CPU
     * a dump spends compressing.
     */
    public static long dump(Connection source, String copyTarget, String format, OutputStream out)
            throws SQLException, IOException {
        return dumpQuery(source, CopyStatements.out(copyTarget, format), out);
    }

    /** Writes the rows a {@code COPY ... TO STDOUT} statement produces to the stream; returns the number of rows. */
    public static long dumpQuery(Connection source, String copyOut, OutputStream out) throws SQLException, IOException {
        BufferedOutputStream rows = new BufferedOutputStream(out, BUFFER_BYTES);
        long count = source.unwrap(PGConnection.class).getCopyAPI().copyOut(copyOut, rows);
        rows.flush();
        return count;
    }

    /**
     * Loads rows into an empty table in one transaction: TRUNCATE, then COPY FREEZE, then the caller's check,
     * then COMMIT. Any failure rolls the whole table back.
     */
    public static long load(Connection target, String table, String copyTarget, String format, InputStream in,
                            BeforeCommit beforeCommit) throws SQLException, IOException {
        return load(target, table, copyTarget, format, in, beforeCommit, null, false);
    }

    /** As above, telling a {@link LoadListener} the id of the transaction once it is open. */
    public static long load(Connection target, String table, String copyTarget, String format, InputStream in,
                            BeforeCommit beforeCommit, LoadListener listener) throws SQLException, IOException {
        return load(target, table, copyTarget, format, in, beforeCommit, listener, false);
    }

    /**
     * As above; with {@code disableTriggers}, the table's triggers, its foreign keys' checks among them, are off
     * while its rows go in (restore --disable-triggers). They are disabled and enabled again inside the load's
     * transaction, so that no failure can leave them off. The listener may be null.
     */
    public static long load(Connection target, String table, String copyTarget, String format, InputStream in,
                            BeforeCommit beforeCommit, LoadListener listener, boolean disableTriggers)
            throws SQLException, IOException {
        return inOwnTransaction(target, listener, () -> loadInTransaction(target, table, copyTarget, format, in,
                beforeCommit, disableTriggers));
    }

    /**
     * Adds rows to a table in one transaction, keeping the rows it has: one range of a table whose other ranges
     * load at the same time on other sessions. COPY, then the caller's check, then COMMIT.
     */
    public static long append(Connection target, String copyTarget, String format, InputStream in,
                              BeforeCommit beforeCommit, LoadListener listener) throws SQLException, IOException {
        return inOwnTransaction(target, listener,
                () -> appendInTransaction(target, copyTarget, format, in, beforeCommit));
    }

    /** As above, with the table's triggers off while its rows go in when a table is given (see {@link #load}). */
    public static long append(Connection target, String copyTarget, String format, InputStream in,
                              BeforeCommit beforeCommit, LoadListener listener, String disableTriggersOf)
            throws SQLException, IOException {
        return inOwnTransaction(target, listener, () -> withTriggersDisabled(target, disableTriggersOf,
                () -> appendInTransaction(target, copyTarget, format, in, beforeCommit)));
    }

    /** As below, with the table's triggers off while its rows go in when a table is given (see {@link #load}). */
    public static long appendInTransaction(Connection target, String copyTarget, String format, InputStream in,
                                           BeforeCommit beforeCommit, String disableTriggersOf)
            throws SQLException, IOException {
        return withTriggersDisabled(target, disableTriggersOf,
                () -> appendInTransaction(target, copyTarget, format, in, beforeCommit));
    }

    /** Adds rows inside the caller's transaction: COPY without FREEZE, then the check. */
    public static long appendInTransaction(Connection target, String copyTarget, String format, InputStream in,
                                           BeforeCommit beforeCommit) throws SQLException, IOException {
        long rows = target.unwrap(PGConnection.class).getCopyAPI()
                .copyIn(CopyStatements.in(copyTarget, format, false), in, BUFFER_BYTES);
        beforeCommit.check();
        return rows;
    }

    /**
     * Loads rows inside the caller's transaction (restore --single-transaction): TRUNCATE, COPY FREEZE and the
     * check; a failure is for the caller to roll back with everything else.
     */
    public static long loadInTransaction(Connection target, String table, String copyTarget, String format,
                                         InputStream in, BeforeCommit beforeCommit) throws SQLException, IOException {
        return loadInTransaction(target, table, copyTarget, format, in, beforeCommit, false);
    }

    /** As above, with the table's triggers off while its rows go in (see {@link #load}). */
    public static long loadInTransaction(Connection target, String table, String copyTarget, String format,
                                         InputStream in, BeforeCommit beforeCommit, boolean disableTriggers)
            throws SQLException, IOException {
        return withTriggersDisabled(target, disableTriggers ? table : null, () -> {
            SessionSettings.execute(target, "TRUNCATE ONLY " + table);
            long rows = target.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn(CopyStatements.in(copyTarget, format, true), in, BUFFER_BYTES);
            beforeCommit.check();
            return rows;
        });
    }

    /**
     * Runs a load with the table's triggers disabled, as pg_restore --disable-triggers does, when a table is given.
     * Disabling a foreign key's internal triggers needs a superuser; the table's owner may disable the others.
     */
    private static long withTriggersDisabled(Connection target, String table, Load load)
            throws SQLException, IOException {
        if (table == null) {
            return load.rows();
        }
        try {
            SessionSettings.execute(target, "ALTER TABLE " + table + " DISABLE TRIGGER ALL");
        } catch (SQLException e) {
            throw new SQLException("could not disable the triggers of " + table + " (--disable-triggers): "
                    + e.getMessage(), e.getSQLState(), e);
        }
        long rows = load.rows();
        SessionSettings.execute(target, "ALTER TABLE " + table + " ENABLE TRIGGER ALL");
        return rows;
    }

    /** A load inside a transaction that the caller does not end; returns the rows loaded. */
    public interface Load {
        long rows() throws SQLException, IOException;
    }

    /**
     * Runs a load in a transaction of its own: committed when it succeeds, rolled back whole when it fails. A
     * {@link LoadListener} (may be null) learns the transaction's id once it is open, before anything is written.
     */
    public static long inOwnTransaction(Connection target, LoadListener listener, Load load)
            throws SQLException, IOException {
        LoadTransaction transaction = LoadTransaction.begin(target);
        if (listener != null) {
            listener.began(transaction.id());
        }
        try {
            long rows = load.rows();
            transaction.commit(rows, 0);
            return rows;
        } finally {
            transaction.end();
        }
    }
}
