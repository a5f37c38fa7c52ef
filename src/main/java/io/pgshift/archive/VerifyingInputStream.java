package io.pgshift.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * Reads a data file while hashing it, and fails at the end of the file if its size or SHA-256 differ from the
 * manifest's. The failure comes before the reader reports end of stream, so a restore never commits a
 * table from a damaged file.
 */
final class VerifyingInputStream extends FilterInputStream {
    private final MessageDigest digest = HashingOutputStream.sha256();
    private final DataFile file;
    private long count;
    private boolean checked;

    VerifyingInputStream(InputStream in, DataFile file) {
        super(in);
        this.file = file;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            check();
        } else {
            digest.update((byte) b);
            count++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        if (n < 0) {
            check();
        } else {
            digest.update(b, off, n);
            count += n;
        }
        return n;
    }

    /** Reads whatever a decompressor left unread (it may stop at the end of its last frame), then checks. */
    void verifyToEnd() throws IOException {
        byte[] rest = new byte[8192];
        while (read(rest, 0, rest.length) >= 0) {
            // read() hashes and counts; nothing else to do with the bytes.
        }
    }

    private void check() {
        if (checked) {
            return;
        }
        checked = true;
        if (count != file.storedBytes()) {
            throw damaged("it has " + count + " bytes, the manifest says " + file.storedBytes() + " (truncated?)");
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equals(file.sha256())) {
            throw damaged("its SHA-256 checksum does not match the manifest");
        }
    }

    private PgShiftException damaged(String why) {
        return new PgShiftException(ErrorCode.IO, "data file " + file.path() + " of " + file.table()
                + " is damaged: " + why);
    }
}
