package io.pgshift.run;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.function.LongConsumer;

/**
 * Streams that pass on the number of bytes going through them while they go, so that a progress rate moves
 * during a long table instead of jumping when it ends, and a table's size is known where no header holds it
 * (an archive's block header is written before its rows, so its size is 0 there).
 */
final class CountedStreams {
    private CountedStreams() {
    }

    static final class Input extends FilterInputStream {
        private final LongConsumer added;
        private long count;

        Input(InputStream in, LongConsumer added) {
            super(in);
            this.added = added;
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long n) {
            count += n;
            added.accept(n);
        }
    }

    static final class Output extends FilterOutputStream {
        private final LongConsumer added;
        private long count;

        Output(OutputStream out, LongConsumer added) {
            super(out);
            this.added = added;
        }

        long count() {
            return count;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            counted(1);
        }

        // FilterOutputStream would write the array one byte at a time.
        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
            counted(length);
        }

        private void counted(long n) {
            count += n;
            added.accept(n);
        }
    }
}
