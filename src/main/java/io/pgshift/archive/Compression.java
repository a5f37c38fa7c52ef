package io.pgshift.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;

/** How data files are compressed. zstd is the default: it compresses COPY data well at a fraction of gzip's CPU. */
public enum Compression {
    ZSTD(".zst"),
    GZIP(".gz"),
    NONE("");

    /** zstd's level 1 keeps a dump CPU-light; COPY text still shrinks about 4x. */
    private static final int ZSTD_LEVEL = 1;

    private final String suffix;

    Compression(String suffix) {
        this.suffix = suffix;
    }

    public String suffix() {
        return suffix;
    }

    public OutputStream compress(OutputStream out) throws IOException {
        return switch (this) {
            case ZSTD -> new ZstdOutputStream(out, ZSTD_LEVEL);
            case GZIP -> new GZIPOutputStream(out, 64 * 1024);
            case NONE -> out;
        };
    }

    public InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case ZSTD -> new ZstdInputStream(in);
            case GZIP -> new GZIPInputStream(in, 64 * 1024);
            case NONE -> in;
        };
    }

    /** Parses the user's word for it: zstd, gzip or none. */
    public static Compression of(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
