package io.pgshift.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

/**
 * Measures how fast one session reads rows from the source: COPY of the largest table for a second or two, then
 * cancelled. Rows read times the table's bytes per row gives table bytes per second, which divides any
 * database's size into an estimated duration. COPY of a query rather than of the table, because a table under
 * row-level security refuses plain COPY TO. It is a rough figure by design: it measures the source's
 * reading side and the network, not the target's writing or its index builds.
 */
final class ThroughputProbe {
    /** Enough to measure a fast server without reading a whole large table. */
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    private ThroughputProbe() {
    }

    static Throughput measure(Connection source, DatabaseSize table, Duration budget) throws SQLException {
        long deadline = System.nanoTime() + budget.toNanos();
        long start = System.nanoTime();
        long rows = 0;
        long bytes = 0;
        boolean whole = false;
        CopyOut out = source.unwrap(PGConnection.class).getCopyAPI()
                .copyOut("COPY (SELECT * FROM " + table.largestTable() + ") TO STDOUT");
        try {
            byte[] row;
            while (true) {
                row = out.readFromCopy();
                if (row == null) {
                    whole = true;
                    break;
                }
                rows++;
                bytes += row.length;
                if (System.nanoTime() >= deadline || bytes >= MAX_BYTES) {
                    break;
                }
            }
        } finally {
            if (out.isActive()) {
                cancel(out);
            }
        }
        double seconds = Math.max((System.nanoTime() - start) / 1e9, 1e-3);
        double tableBytesRead;
        if (whole) {
            tableBytesRead = table.tableBytes();
        } else if (table.tableRows() > 0) {
            tableBytesRead = rows * (table.tableBytes() / table.tableRows());
        } else {
            // Never analysed, so no bytes per row: COPY's text is close enough to the table's size.
            tableBytesRead = bytes;
        }
        return new Throughput(table.database(), table.largestTable(), tableBytesRead / seconds, seconds, bytes);
    }

    /** Stops the COPY early; the server reports the cancel as an error, which is what was asked for. */
    private static void cancel(CopyOut out) {
        try {
            out.cancelCopy();
        } catch (SQLException e) {
            // The session is closed right after the probe; nothing is left to clean up.
        }
    }
}
