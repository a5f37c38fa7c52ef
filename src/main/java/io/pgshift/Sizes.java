package io.pgshift;

import java.util.Locale;

/** Byte counts as people read them, for the CLI's output and for the library's messages alike. */
public final class Sizes {
    private static final String[] UNITS = {"kB", "MB", "GB", "TB", "PB"};

    private Sizes() {
    }

    /** 1024-based units with one decimal, PostgreSQL's unit names: {@code 683.9 kB}, {@code 3.0 GB}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
