package io.pgshift.archive;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * Reads an archive written by {@link ArchiveWriter}, front to back, as it arrives from a file or a pipe. Every
 * table's block is checked against its trailer before the caller may commit it, and a stream that ends
 * early is reported as truncated, never as a shorter dump.
 */
public final class ArchiveReader {
    /** The next part of an archive: a table's rows, or the end with the complete manifest. */
    public sealed interface Part permits Block, End {
    }

    public record End(Manifest manifest) implements Part {
    }

    /** A table's rows. Read {@link #rows()} to the end, then call {@link #verify()} before committing them. */
    public static final class Block implements Part {
        private final DataFile header;
        private final ChunkInputStream chunks;
        private final InputStream rows;
        private final DataInputStream archive;

        Block(DataFile header, DataInputStream archive) throws IOException {
            this.header = header;
            this.archive = archive;
            this.chunks = new ChunkInputStream(archive, header);
            this.rows = header.compression().decompress(chunks);
        }

        public DataFile header() {
            return header;
        }

        public InputStream rows() {
            return rows;
        }

        /** Consumes what the decompressor left, reads the trailer and compares size and checksum. */
        public DataFile verify() throws IOException {
            chunks.drain();
            byte[] trailer = readText(archive, "the trailer of " + header.table());
            DataFile sealed = ManifestFile.parse(new String(trailer, StandardCharsets.UTF_8), DataFile.class,
                    "the trailer of " + header.table());
            String actual = HexFormat.of().formatHex(chunks.digest.digest());
            if (sealed.storedBytes() != chunks.count || !actual.equals(sealed.sha256())) {
                throw new PgShiftException(ErrorCode.IO, "the archive's data of " + header.table()
                        + " is damaged: its checksum does not match");
            }
            return sealed;
        }
    }

    private final DataInputStream in;
    private boolean ended;

    public ArchiveReader(InputStream in) throws IOException {
        this.in = new DataInputStream(in);
        byte[] magic = new byte[ArchiveWriter.MAGIC.length];
        try {
            this.in.readFully(magic);
        } catch (EOFException e) {
            throw notAnArchive();
        }
        if (!Arrays.equals(magic, ArchiveWriter.MAGIC)) {
            throw notAnArchive();
        }
        int version = this.in.readInt();
        if (version < 1 || version > Manifest.FORMAT_VERSION) {
            throw new PgShiftException(ErrorCode.IO, "the archive has dump format version " + version
                    + ", which this pgshift cannot read (it reads versions 1 to " + Manifest.FORMAT_VERSION + ")");
        }
    }

    public Manifest tableOfContents() throws IOException {
        expect(ArchiveWriter.TOC, "its table of contents");
        return ManifestFile.fromJson(new String(readText(in, "the table of contents"), StandardCharsets.UTF_8),
                "the archive's table of contents");
    }

    public Part next() throws IOException {
        if (ended) {
            throw new IllegalStateException("the archive has ended");
        }
        int kind;
        try {
            kind = in.readUnsignedByte();
        } catch (EOFException e) {
            throw truncated("before its end marker");
        }
        if (kind == ArchiveWriter.DATA) {
            DataFile header = ManifestFile.parse(new String(readText(in, "a data block header"), StandardCharsets.UTF_8),
                    DataFile.class, "a data block header");
            return new Block(header, in);
        }
        if (kind == ArchiveWriter.END) {
            ended = true;
            return new End(ManifestFile.fromJson(new String(readText(in, "the final manifest"), StandardCharsets.UTF_8),
                    "the archive's final manifest"));
        }
        throw new PgShiftException(ErrorCode.IO, "the archive is damaged: unexpected block type " + kind);
    }

    private void expect(byte kind, String what) throws IOException {
        int actual;
        try {
            actual = in.readUnsignedByte();
        } catch (EOFException e) {
            throw truncated("before " + what);
        }
        if (actual != kind) {
            throw new PgShiftException(ErrorCode.IO, "the archive is damaged: expected " + what);
        }
    }

    static byte[] readText(DataInputStream in, String what) throws IOException {
        try {
            int length = in.readInt();
            if (length < 0 || length > 1 << 30) {
                throw new PgShiftException(ErrorCode.IO, "the archive is damaged in " + what);
            }
            byte[] bytes = new byte[length];
            in.readFully(bytes);
            return bytes;
        } catch (EOFException e) {
            throw truncated("in " + what);
        }
    }

    static PgShiftException truncated(String where) {
        return new PgShiftException(ErrorCode.IO, "the archive ends early " + where + " (truncated?)");
    }

    private static PgShiftException notAnArchive() {
        return new PgShiftException(ErrorCode.IO, "not a pgshift archive (no archive header)");
    }

    /** The compressed bytes of one block, unframed from their chunks and hashed as they pass. */
    private static final class ChunkInputStream extends InputStream {
        private final DataInputStream archive;
        private final DataFile header;
        private final MessageDigest digest = HashingOutputStream.sha256();
        private long count;
        private int left;
        private boolean done;

        ChunkInputStream(DataInputStream archive, DataFile header) {
            this.archive = archive;
            this.header = header;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (!nextChunk()) {
                return -1;
            }
            int n;
            try {
                n = archive.read(b, off, Math.min(len, left));
            } catch (EOFException e) {
                throw truncated("in the data of " + header.table());
            }
            if (n < 0) {
                throw truncated("in the data of " + header.table());
            }
            digest.update(b, off, n);
            count += n;
            left -= n;
            return n;
        }

        private boolean nextChunk() throws IOException {
            if (done) {
                return false;
            }
            if (left == 0) {
                try {
                    left = archive.readInt();
                } catch (EOFException e) {
                    throw truncated("in the data of " + header.table());
                }
                if (left < 0 || left > ArchiveWriter.CHUNK) {
                    throw new PgShiftException(ErrorCode.IO, "the archive's data of " + header.table() + " is damaged");
                }
                if (left == 0) {
                    done = true;
                    return false;
                }
            }
            return true;
        }

        void drain() throws IOException {
            byte[] skip = new byte[8192];
            while (read(skip, 0, skip.length) >= 0) {
                // Hashing happens in read().
            }
        }
    }
}
