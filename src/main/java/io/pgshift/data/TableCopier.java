package io.pgshift.data;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.LongConsumer;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOperation;
import org.postgresql.copy.CopyOut;

import io.pgshift.catalog.Table;
import io.pgshift.sql.Sql;

/**
 * Streams one table from a source COPY straight into a target COPY. Nothing touches the disk, and memory
 * stays bounded by one buffer whatever the table's size.
 */
public final class TableCopier {
    /** Rows are gathered into CopyData messages of about this size: fewer, larger writes to the target. */
    private static final int BUFFER_BYTES = 256 * 1024;

    /** Rows and bytes one table copy moved. */
    public record Result(long rows, long bytes) {
    }

    private TableCopier() {
    }

    /**
     * Copies the table. The target transaction truncates the (empty) table first so that COPY FREEZE
     * applies: rows arrive already frozen, and the upgraded server never has to rewrite them for
     * wraparound. Success is returned only after the target committed.
     * <p>
     * A partition whose rows must be routed again ({@code loadThrough}) is loaded through the root of its
     * tree instead: its rows may land in sibling partitions, so nothing is truncated and nothing frozen.
     *
     * @param progress called with byte counts as data flows, for live rates; a {@link LoadListener} also learns the
     *                 target transaction's id
     */
    public static Result copy(Connection source, Connection targetConnection, Table table, LongConsumer progress)
            throws SQLException {
        String name = Sql.qualified(table.schema(), table.name());
        String target = CopyStatements.target(table);
        String root = table.layout().loadThrough();
        String into = root == null ? target : CopyStatements.retarget(root, table);
        String format = CopyFormat.choose(source, table.oid());
        return transfer(source, targetConnection, root == null ? "TRUNCATE ONLY " + name : null,
                CopyStatements.out(CopyStatements.source(source, table), format), CopyStatements.in(into, format, root == null), progress);
    }

    /**
     * Copies one range of a table that is copied in several ranges at once, each on its own sessions. Nothing
     * is truncated and nothing frozen: COPY FREEZE needs the table created or truncated in the same
     * transaction, and a TRUNCATE would wait for, then wipe, the ranges other sessions load. This relies on the
     * target table being empty when its ranges start, which holds because the copy created it just before.
     *
     * @param copyOut the range's {@code COPY (SELECT ... WHERE range) TO STDOUT}, run in the shared snapshot
     * @param copyIn  the table's {@code COPY ... FROM STDIN}, without FREEZE
     */
    /**
     * Adds the table's rows to a target table that exists and may have been made by someone else: a data-only copy.
     * No TRUNCATE, which a table that a foreign key references refuses, and so no FREEZE. With a table name, that
     * table's triggers, the internal ones that check foreign keys among them, are off while the rows go in, inside
     * the load's own transaction, so that no failure leaves them off (--disable-triggers).
     */
    public static Result append(Connection source, Connection targetConnection, Table table, String disableTriggersOf,
                                LongConsumer progress) throws SQLException {
        String root = table.layout().loadThrough();
        String into = root == null ? CopyStatements.target(table) : CopyStatements.retarget(root, table);
        String format = CopyFormat.choose(source, table.oid());
        return transfer(source, targetConnection,
                disableTriggersOf == null ? null : "ALTER TABLE " + disableTriggersOf + " DISABLE TRIGGER ALL",
                CopyStatements.out(CopyStatements.source(source, table), format), CopyStatements.in(into, format, false),
                disableTriggersOf == null ? null : "ALTER TABLE " + disableTriggersOf + " ENABLE TRIGGER ALL",
                progress);
    }

    public static Result copyRange(Connection source, Connection target, String copyOut, String copyIn,
                                   LongConsumer progress) throws SQLException {
        return transfer(source, target, null, copyOut, copyIn, progress);
    }

    /**
     * Adds the rows a source {@code COPY (SELECT ...) TO STDOUT} produces to a target table, keeping the rows
     * it has: an extension's configuration table already holds the rows its script inserted.
     */
    public static Result copySelected(Connection source, Connection target, String copyOut, String copyIn,
                                      LongConsumer progress) throws SQLException {
        return transfer(source, target, null, copyOut, copyIn, progress);
    }

    private static Result transfer(Connection source, Connection target, String prepare, String copyOut,
                                   String copyIn, LongConsumer progress) throws SQLException {
        return transfer(source, target, prepare, copyOut, copyIn, null, progress);
    }

    /** As above; {@code finish}, if given, runs after the COPY, before the commit. */
    private static Result transfer(Connection source, Connection target, String prepare, String copyOut,
                                   String copyIn, String finish, LongConsumer progress) throws SQLException {
        LoadTransaction transaction = LoadTransaction.begin(target);
        if (progress instanceof LoadListener listener) {
            listener.began(transaction.id());
        }
        try {
            if (prepare != null) {
                SessionSettings.execute(target, prepare);
            }
            CopyOut out;
            try {
                out = source.unwrap(PGConnection.class).getCopyAPI().copyOut(copyOut);
            } catch (SQLException e) {
                throw new SourceFailure(e);
            }
            long bytes;
            try {
                CopyIn in = target.unwrap(PGConnection.class).getCopyAPI().copyIn(copyIn);
                bytes = pump(out, in, progress);
            } finally {
                if (out.isActive()) {
                    cancelQuietly(out);
                }
            }
            if (finish != null) {
                SessionSettings.execute(target, finish);
            }
            transaction.commit(out.getHandledRowCount(), bytes);
            return new Result(out.getHandledRowCount(), bytes);
        } finally {
            transaction.end();
        }
    }

    private static long pump(CopyOut out, CopyIn in, LongConsumer progress) throws SQLException {
        byte[] buffer = new byte[BUFFER_BYTES];
        int used = 0;
        long total = 0;
        try {
            byte[] row;
            while ((row = read(out)) != null) {
                if (used + row.length > buffer.length) {
                    in.writeToCopy(buffer, 0, used);
                    progress.accept(used);
                    total += used;
                    used = 0;
                }
                if (row.length > buffer.length) {
                    in.writeToCopy(row, 0, row.length);
                    progress.accept(row.length);
                    total += row.length;
                } else {
                    System.arraycopy(row, 0, buffer, used, row.length);
                    used += row.length;
                }
            }
            if (used > 0) {
                in.writeToCopy(buffer, 0, used);
                progress.accept(used);
                total += used;
            }
            in.endCopy();
            return total;
        } finally {
            // Never let a half-sent COPY end normally: cancelling makes the target discard it.
            if (in.isActive()) {
                cancelQuietly(in);
            }
        }
    }

    private static byte[] read(CopyOut out) throws SQLException {
        try {
            return out.readFromCopy();
        } catch (SQLException e) {
            throw new SourceFailure(e);
        }
    }

    /** Ends a COPY that is given up; on a connection that is gone this fails too, and must not hide why. */
    private static void cancelQuietly(CopyOperation copy) {
        try {
            copy.cancelCopy();
        } catch (SQLException ignored) {
            // The session is gone; the server discards the COPY with it.
        }
    }

}
