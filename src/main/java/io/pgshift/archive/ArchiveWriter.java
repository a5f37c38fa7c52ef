package io.pgshift.archive;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes a dump as one stream (the "archive" format): a table of contents first, then each table's rows as
 * a block of compressed chunks closed by its checksum, then the full manifest. It needs no seeking, so it can
 * go to a pipe: {@code pgshift dump -F archive -f - | pgshift restore --target ... -}. The layout is in
 * docs/dump-format.md.
 */
public final class ArchiveWriter implements AutoCloseable {
    static final byte[] MAGIC = "PGSHIFT-ARCHIVE\n".getBytes(StandardCharsets.US_ASCII);
    static final byte TOC = 'T';
    static final byte DATA = 'D';
    static final byte END = 'Z';
    /** Rows are framed in chunks of at most this size, so a reader never holds more than one in memory. */
    static final int CHUNK = 256 * 1024;

    private final DataOutputStream out;

    public ArchiveWriter(OutputStream out) throws IOException {
        this.out = new DataOutputStream(out);
        this.out.write(MAGIC);
        this.out.writeInt(Manifest.FORMAT_VERSION);
    }

    /** The manifest without its data list: everything a restore needs before the first rows arrive. */
    public void tableOfContents(Manifest manifest) throws IOException {
        out.writeByte(TOC);
        writeText(ManifestFile.toJson(manifest));
    }

    /** Starts a table's block; write its COPY rows to the returned stream and close it to seal the block. */
    public DataBlockWriter table(DataFile header) throws IOException {
        out.writeByte(DATA);
        writeText(ManifestFile.json(header));
        return new DataBlockWriter(out, header);
    }

    public void end(Manifest manifest) throws IOException {
        out.writeByte(END);
        writeText(ManifestFile.toJson(manifest));
        out.flush();
    }

    private void writeText(String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
