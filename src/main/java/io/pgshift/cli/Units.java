package io.pgshift.cli;

import java.time.Duration;
import java.util.Locale;

import io.pgshift.Sizes;

/** Human-readable sizes, rates and durations for terminal output. */
final class Units {
    private Units() {
    }

    static String bytes(long bytes) {
        return Sizes.bytes(bytes);
    }

    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
        }
        long seconds = d.toSeconds();
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** Whole seconds as m:ss or h:mm:ss, for a live line: hundredths would flicker at each redraw. */
    static String clock(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
