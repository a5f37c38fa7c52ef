package io.pgshift.run;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.LongConsumer;

/** Tells a consumer how many bytes each read returned: a load's progress, and a sign of life for the watchdog. */
final class CountingInputStream extends FilterInputStream {
    private final LongConsumer bytes;

    CountingInputStream(InputStream in, LongConsumer bytes) {
        super(in);
        this.bytes = bytes;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            bytes.accept(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            bytes.accept(n);
        }
        return n;
    }
}
