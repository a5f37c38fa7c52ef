package io.pgshift.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.pgshift.progress.Progress;

/**
 * The live status on a terminal: one line per phase that is running (rows and index builds overlap, and
 * upgrade copies several databases at once), each cut to the terminal's width. Pure: the caller passes the
 * time and the size, so tests need neither a clock nor a terminal.
 */
final class StatusBlock {
    /** An ETA is shown only once the rate has been measured this long into the phase... */
    static final long STEADY_AFTER_MILLIS = 5_000;
    /** ...and this share of the estimate is done: the first tables say little about the rest. */
    static final double STEADY_SHARE = 0.03;
    /** At most this many lines, whatever the terminal's height: the block is a status, not a report. */
    static final int MOST_LINES = 8;

    private static final class Shown {
        final String label;
        final Progress progress;
        final long startMillis;
        final Rate rate = new Rate();

        Shown(String label, Progress progress, long startMillis) {
            this.label = label;
            this.progress = progress;
            this.startMillis = startMillis;
        }
    }

    private final Map<Progress, Shown> shown = new LinkedHashMap<>();

    synchronized void started(String label, Progress progress, long nowMillis) {
        shown.put(progress, new Shown(label, progress, nowMillis));
    }

    synchronized void finished(Progress progress) {
        shown.remove(progress);
    }

    synchronized boolean isEmpty() {
        return shown.isEmpty();
    }

    /** The lines to draw now, each shorter than {@code columns}, at most {@code rows - 1} of them. */
    synchronized List<String> lines(long nowMillis, int columns, int rows) {
        List<String> lines = new ArrayList<>();
        int most = Math.max(1, Math.min(MOST_LINES, rows - 1));
        int i = 0;
        for (Shown s : shown.values()) {
            s.rate.sample(nowMillis, s.progress.bytesDone());
            if (i < most - 1 || shown.size() <= most) {
                lines.add(line(s, nowMillis, columns));
            }
            i++;
        }
        if (shown.size() > most) {
            lines.add(Fit.line(List.of(new Fit.Part("... and " + (shown.size() - most + 1)
                    + " more phases running", 0)), columns));
        }
        return lines;
    }

    private static String line(Shown s, long nowMillis, int columns) {
        Progress p = s.progress;
        List<Fit.Part> parts = new ArrayList<>();
        parts.add(new Fit.Part(label(s.label, columns) + p.phase().label() + ":", 0));
        // A phase with nothing to count (preparing) shows its time alone: "0/0" tells nothing.
        if (p.itemsTotal() > 0) {
            parts.add(new Fit.Part(Units.count(p.itemsDone()) + "/" + Units.count(p.itemsTotal()), 3));
        }
        double rate = s.rate.perSecond();
        // Read once: workers add to it meanwhile, and "0 B of ~321 MB (1%)" came of reading it twice.
        long done = p.bytesDone();
        if (p.bytesTotal() > 0) {
            parts.add(new Fit.Part(Units.bytes(done) + " of ~" + Units.bytes(p.bytesTotal())
                    + " (" + percent(done, p.bytesTotal()) + ")", 1));
        } else if (done > 0) {
            parts.add(new Fit.Part(Units.bytes(done), 1));
        }
        long rows = p.rowsDone();
        if (rows > 0) {
            // Of the estimate while it holds: statistics may be old, and rows past them are only counted.
            parts.add(new Fit.Part(Units.count(rows) + (rows <= p.rowsTotal() ? " of ~" + Units.count(p.rowsTotal())
                    : "") + " rows", 5));
        }
        if (p.bytesDone() > 0 && rate > 0) {
            parts.add(new Fit.Part(Units.bytes((long) rate) + "/s", 4));
        }
        Duration eta = eta(p, rate, s.rate.spanMillis(), nowMillis - s.startMillis);
        if (eta != null) {
            parts.add(new Fit.Part("ETA " + Units.clock(eta), 2));
        }
        parts.add(new Fit.Part(Units.clock(Duration.ofMillis(nowMillis - s.startMillis)) + " elapsed", 6));
        return Fit.line(parts, columns);
    }

    /** A database's name, cut to a quarter of the width so that its numbers still fit beside it. */
    private static String label(String label, int columns) {
        if (label == null) {
            return "";
        }
        int most = Math.max(8, columns / 4);
        return (label.length() > most ? label.substring(0, most - 1) + "~" : label) + ": ";
    }

    /**
     * Bytes left at the measured rate, or null while that would be a guess: without a byte estimate, before
     * the rate is steady, and once the estimate (relation sizes, not COPY bytes) has been passed.
     */
    static Duration eta(Progress p, double rate, long rateSpanMillis, long elapsedMillis) {
        long left = p.bytesTotal() - p.bytesDone();
        boolean steady = elapsedMillis >= STEADY_AFTER_MILLIS && rateSpanMillis >= STEADY_AFTER_MILLIS / 2
                && p.bytesDone() >= STEADY_SHARE * p.bytesTotal();
        if (p.bytesTotal() <= 0 || left <= 0 || rate <= 0 || !steady) {
            return null;
        }
        return Duration.ofSeconds((long) Math.ceil(left / rate));
    }

    /** Never 100% while running: the estimate comes from relation sizes, and the end is the end. */
    private static String percent(long done, long total) {
        long share = Math.min(99, done * 100 / total);
        return String.format(Locale.ROOT, "%d%%", share);
    }
}
