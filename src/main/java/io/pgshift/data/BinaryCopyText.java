package io.pgshift.data;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Turns rows in PostgreSQL's binary COPY format into its text COPY format, which psql can replay from a script: a
 * dump keeps most tables' rows in binary (see {@link CopyFormat}), and {@code restore -f} writes them as text. The
 * binary format does not say what type a column is, so the caller names each column's type, as the dump recorded
 * it; a type this class cannot print ({@link #unsupported}) must be refused before any row is converted. Each value
 * comes out as the server's text COPY would print it.
 */
public final class BinaryCopyText {
    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0};

    private final List<BinaryValues.Printer> columns;

    private BinaryCopyText(List<BinaryValues.Printer> columns) {
        this.columns = columns;
    }

    /**
     * A converter for rows of these column types, each as pg_type names it after domains are resolved: {@code int4},
     * {@code timestamptz}, {@code _text} for an array of text.
     *
     * @throws IllegalArgumentException for a type {@link #unsupported} names
     */
    public static BinaryCopyText forTypes(List<String> types) {
        List<String> unknown = unsupported(types);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no binary conversion for " + String.join(", ", unknown));
        }
        List<BinaryValues.Printer> printers = new ArrayList<>();
        for (String type : types) {
            printers.add(printer(type));
        }
        return new BinaryCopyText(printers);
    }

    /** The types among these that cannot be converted, each once, in their order; an unrecorded one is "unknown". */
    public static List<String> unsupported(List<String> types) {
        return types.stream().filter(t -> printer(t) == null).map(t -> t == null ? "unknown" : t).distinct().toList();
    }

    private static BinaryValues.Printer printer(String type) {
        if (type == null) {
            return null;
        }
        BinaryValues.Printer scalar = BinaryValues.BY_NAME.get(type);
        if (scalar != null) {
            return scalar;
        }
        if (type.startsWith("_")) {
            String element = type.substring(1);
            BinaryValues.Printer printer = BinaryValues.BY_NAME.get(element);
            return printer == null ? null : new ArrayPrinter(BinaryValues.OIDS.get(element), printer);
        }
        return null;
    }

    /**
     * Reads binary COPY data to its end marker and writes the same rows in text COPY format, one line each.
     *
     * @return the rows converted
     * @throws IOException for data that is not binary COPY, a row with another column count, or a value the
     *                     column's type cannot hold
     */
    public long convert(InputStream binary, OutputStream text) throws IOException {
        DataInputStream in = new DataInputStream(binary);
        byte[] signature = new byte[SIGNATURE.length];
        readFully(in, signature);
        if (!Arrays.equals(signature, SIGNATURE)) {
            throw new IOException("not binary COPY data (no PGCOPY signature)");
        }
        int flags = readInt(in);
        if (flags != 0) {
            // Bit 16 would be rows with oids, which pgshift never dumps; the others are unknown.
            throw new IOException("binary COPY data with the flags 0x" + Integer.toHexString(flags));
        }
        in.skipNBytes(readInt(in));
        long rows = 0;
        StringBuilder line = new StringBuilder();
        while (true) {
            short count = readShort(in);
            if (count == -1) {
                return rows;
            }
            if (count != columns.size()) {
                throw new IOException("row " + (rows + 1) + " has " + count + " columns, the table " + columns.size());
            }
            line.setLength(0);
            for (int i = 0; i < count; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                int length = readInt(in);
                if (length == -1) {
                    line.append("\\N");
                    continue;
                }
                if (length < 0) {
                    throw new IOException("row " + (rows + 1) + " has a value of length " + length);
                }
                byte[] value = new byte[length];
                readFully(in, value);
                try {
                    escape(columns.get(i).print(ByteBuffer.wrap(value)), line);
                } catch (IOException | RuntimeException e) {
                    throw new IOException("row " + (rows + 1) + ", column " + (i + 1) + ": " + e.getMessage(), e);
                }
            }
            line.append('\n');
            text.write(line.toString().getBytes(StandardCharsets.UTF_8));
            rows++;
        }
    }

    /**
     * COPY's text escaping, as the server's COPY TO writes it: backslash, and the control characters backspace, form
     * feed, newline, carriage return, tab and vertical tab, as backslash sequences; all else as it is.
     */
    static void escape(String value, StringBuilder out) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                default -> out.append(c);
            }
        }
    }

    private static void readFully(DataInputStream in, byte[] bytes) throws IOException {
        try {
            in.readFully(bytes);
        } catch (EOFException e) {
            throw new IOException("binary COPY data ends in the middle of a row");
        }
    }

    private static int readInt(DataInputStream in) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw new IOException("binary COPY data ends in the middle of a row");
        }
    }

    private static short readShort(DataInputStream in) throws IOException {
        try {
            return in.readShort();
        } catch (EOFException e) {
            throw new IOException("binary COPY data ends without its end marker");
        }
    }

    /**
     * array_send's form: dimensions, a has-nulls flag, the element type's oid, each dimension's length and lower
     * bound, then the elements, each with its length (-1 for NULL). Printed as array_out prints it: braces, commas,
     * and double quotes around an element that is empty, is NULL spelt as text, or holds a brace, quote, comma,
     * backslash or white space; bounds other than 1 go in front, as [0:2]={...}.
     */
    private record ArrayPrinter(int elementOid, BinaryValues.Printer element) implements BinaryValues.Printer {
        @Override
        public String print(ByteBuffer v) throws IOException {
            int dimensions = v.getInt();
            v.getInt();
            int oid = v.getInt();
            if (dimensions == 0) {
                return "{}";
            }
            if (oid != elementOid) {
                throw new IOException("an array of element type " + Integer.toUnsignedString(oid) + " where "
                        + elementOid + " was expected");
            }
            if (dimensions < 0 || dimensions > 6) {
                throw new IOException("an array of " + dimensions + " dimensions");
            }
            int[] lengths = new int[dimensions];
            int[] lower = new int[dimensions];
            boolean bounds = false;
            for (int d = 0; d < dimensions; d++) {
                lengths[d] = v.getInt();
                lower[d] = v.getInt();
                bounds |= lower[d] != 1;
            }
            StringBuilder text = new StringBuilder();
            if (bounds) {
                for (int d = 0; d < dimensions; d++) {
                    text.append('[').append(lower[d]).append(':').append(lower[d] + lengths[d] - 1).append(']');
                }
                text.append('=');
            }
            dimension(v, lengths, 0, text);
            if (v.hasRemaining()) {
                throw new IOException("an array with " + v.remaining() + " bytes after its last element");
            }
            return text.toString();
        }

        private void dimension(ByteBuffer v, int[] lengths, int d, StringBuilder text) throws IOException {
            text.append('{');
            for (int i = 0; i < lengths[d]; i++) {
                if (i > 0) {
                    text.append(',');
                }
                if (d + 1 < lengths.length) {
                    dimension(v, lengths, d + 1, text);
                    continue;
                }
                int length = v.getInt();
                if (length == -1) {
                    text.append("NULL");
                    continue;
                }
                ByteBuffer value = v.slice(v.position(), length);
                v.position(v.position() + length);
                quoted(element.print(value), text);
            }
            text.append('}');
        }

        private static void quoted(String value, StringBuilder text) {
            boolean quote = value.isEmpty() || value.equalsIgnoreCase("NULL");
            for (int i = 0; i < value.length() && !quote; i++) {
                char c = value.charAt(i);
                quote = c == '{' || c == '}' || c == '"' || c == '\\' || c == ',' || c == ' ' || c == '\t'
                        || c == '\n' || c == '\r' || c == 0x0b || c == '\f';
            }
            if (!quote) {
                text.append(value);
                return;
            }
            text.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    text.append('\\');
                }
                text.append(c);
            }
            text.append('"');
        }
    }
}
