package io.pgshift.verify;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the size and a digest of every large object's contents, computed inside the server so the bytes never
 * travel. lo_get is read a chunk at a time because one call cannot return more than 1GB; most large objects fit
 * in the first chunk, which is read for a page of objects in one query. The caller's session must be in the
 * snapshot, so the contents are those of the same instant as everything else. lo_get needs SELECT on each large
 * object: the user must own them, hold the privilege, or be a superuser.
 */
final class LargeObjectDigests {
    /** Both servers cut contents at the same points, so their digests agree when their bytes do. */
    private static final int CHUNK_BYTES = 8 * 1024 * 1024;
    private static final int PAGE = 1000;

    private static final String FIRST_CHUNKS = """
            SELECT l.oid::pg_catalog.int8, pg_catalog.length(c.data), pg_catalog.md5(c.data)
            FROM pg_catalog.pg_largeobject_metadata l
            CROSS JOIN LATERAL (SELECT pg_catalog.lo_get(l.oid, 0, ?) AS data OFFSET 0) c
            WHERE l.oid > ?::pg_catalog.int8::pg_catalog.oid
            ORDER BY l.oid
            LIMIT ?""";

    private static final String NEXT_CHUNK = """
            SELECT pg_catalog.length(c.data), pg_catalog.md5(c.data)
            FROM (SELECT pg_catalog.lo_get(?::pg_catalog.int8::pg_catalog.oid, ?, ?) AS data OFFSET 0) c""";

    private LargeObjectDigests() {
    }

    /** Every large object's content summary, keyed by oid. */
    static Map<Long, LargeObjectContent> read(Connection connection) throws SQLException {
        Map<Long, LargeObjectContent> contents = new LinkedHashMap<>();
        Map<Long, String> fullFirstChunks = new LinkedHashMap<>();
        try (PreparedStatement page = connection.prepareStatement(FIRST_CHUNKS)) {
            long after = 0; // no large object has oid 0
            while (true) {
                page.setInt(1, CHUNK_BYTES);
                page.setLong(2, after);
                page.setInt(3, PAGE);
                int rows = 0;
                try (ResultSet rs = page.executeQuery()) {
                    while (rs.next()) {
                        rows++;
                        after = rs.getLong(1);
                        long bytes = rs.getLong(2);
                        if (bytes == CHUNK_BYTES) {
                            fullFirstChunks.put(after, rs.getString(3));
                        }
                        contents.put(after, new LargeObjectContent(bytes, rs.getString(3)));
                    }
                }
                if (rows < PAGE) {
                    break;
                }
            }
        }
        for (Map.Entry<Long, String> big : fullFirstChunks.entrySet()) {
            contents.put(big.getKey(), chunked(connection, big.getKey(), big.getValue()));
        }
        return contents;
    }

    private static LargeObjectContent chunked(Connection connection, long oid, String firstMd5) throws SQLException {
        MessageDigest digest = sha256();
        digest.update(firstMd5.getBytes(StandardCharsets.US_ASCII));
        long bytes = CHUNK_BYTES;
        try (PreparedStatement next = connection.prepareStatement(NEXT_CHUNK)) {
            while (true) {
                next.setLong(1, oid);
                next.setLong(2, bytes);
                next.setInt(3, CHUNK_BYTES);
                try (ResultSet rs = next.executeQuery()) {
                    rs.next();
                    long length = rs.getLong(1);
                    if (length == 0) {
                        break;
                    }
                    bytes += length;
                    digest.update(rs.getString(2).getBytes(StandardCharsets.US_ASCII));
                    if (length < CHUNK_BYTES) {
                        break;
                    }
                }
            }
        }
        return new LargeObjectContent(bytes, "sha256:" + HexFormat.of().formatHex(digest.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
