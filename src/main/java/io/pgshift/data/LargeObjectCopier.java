package io.pgshift.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.LongConsumer;

/**
 * Streams the contents of one large object from the source into the (empty) large object of the same
 * oid on the target, a chunk at a time, so memory stays bounded whatever its size. lo_get reads as of the
 * source session's snapshot, which every worker shares; the target writes commit as one transaction.
 */
public final class LargeObjectCopier {
    /** Bytes read and written per round trip. */
    private static final int CHUNK_BYTES = 1024 * 1024;

    private LargeObjectCopier() {
    }

    /** Copies the contents and returns how many bytes moved. */
    public static long copy(Connection source, Connection target, long oid, LongConsumer progress)
            throws SQLException {
        SessionSettings.execute(target, "BEGIN");
        boolean committed = false;
        try (PreparedStatement read = source.prepareStatement("SELECT pg_catalog.lo_get(?::pg_catalog.oid, ?, ?)");
             PreparedStatement write = target.prepareStatement(
                     "SELECT pg_catalog.lo_put(?::pg_catalog.oid, ?, ?)")) {
            long offset = 0;
            while (true) {
                byte[] chunk = chunk(read, oid, offset);
                if (chunk.length > 0) {
                    write.setLong(1, oid);
                    write.setLong(2, offset);
                    write.setBytes(3, chunk);
                    write.execute();
                    offset += chunk.length;
                    progress.accept(chunk.length);
                }
                if (chunk.length < CHUNK_BYTES) {
                    break;
                }
            }
            SessionSettings.execute(target, "COMMIT");
            committed = true;
            return offset;
        } finally {
            if (!committed) {
                try {
                    SessionSettings.execute(target, "ROLLBACK");
                } catch (SQLException ignored) {
                    // The connection is broken already; the server rolls back when it goes away.
                }
            }
        }
    }

    private static byte[] chunk(PreparedStatement read, long oid, long offset) throws SQLException {
        read.setLong(1, oid);
        read.setLong(2, offset);
        read.setInt(3, CHUNK_BYTES);
        try (ResultSet rs = read.executeQuery()) {
            rs.next();
            return rs.getBytes(1);
        }
    }
}
