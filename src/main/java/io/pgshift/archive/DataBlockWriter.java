package io.pgshift.archive;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One table's rows inside an archive: compressed, cut into length-prefixed chunks, and sealed with a trailer
 * that holds the counts and the SHA-256 of the compressed bytes.
 */
public final class DataBlockWriter extends OutputStream {
    private final DataOutputStream archive;
    private final DataFile header;
    private final HashingOutputStream stored;
    private final OutputStream rows;
    private long bytes;
    private DataFile sealed;

    DataBlockWriter(DataOutputStream archive, DataFile header) throws IOException {
        this.archive = archive;
        this.header = header;
        this.stored = new HashingOutputStream(new ChunkingOutputStream(archive));
        this.rows = header.compression().compress(stored);
    }

    @Override
    public void write(int b) throws IOException {
        rows.write(b);
        bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        rows.write(b, off, len);
        bytes += len;
    }

    /** Seals the block; {@link #describe(long)} then tells what was written. */
    @Override
    public void close() throws IOException {
        if (sealed != null) {
            return;
        }
        rows.close();
        sealed = new DataFile(header.entry(), header.table(), header.copyTarget(), header.path(), header.format(),
                header.compression(), 0, bytes, stored.count(), stored.hex(), header.columnTypes());
        byte[] trailer = ManifestFile.json(sealed).getBytes(StandardCharsets.UTF_8);
        archive.writeInt(trailer.length);
        archive.write(trailer);
    }

    /** What the block holds; call after {@link #close()}. */
    public DataFile describe(long rowCount) {
        return new DataFile(sealed.entry(), sealed.table(), sealed.copyTarget(), sealed.path(), sealed.format(),
                sealed.compression(), rowCount, sealed.bytes(), sealed.storedBytes(), sealed.sha256(),
                sealed.columnTypes());
    }

    /** Frames whatever is written into chunks; closing writes the empty chunk that ends the block. */
    private static final class ChunkingOutputStream extends OutputStream {
        private final DataOutputStream archive;
        private final byte[] buffer = new byte[ArchiveWriter.CHUNK];
        private int used;

        ChunkingOutputStream(DataOutputStream archive) {
            this.archive = archive;
        }

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                flushChunk();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        private void flushChunk() throws IOException {
            if (used > 0) {
                archive.writeInt(used);
                archive.write(buffer, 0, used);
                used = 0;
            }
        }

        @Override
        public void close() throws IOException {
            flushChunk();
            archive.writeInt(0);
        }
    }
}
