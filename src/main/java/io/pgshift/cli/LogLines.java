package io.pgshift.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import io.pgshift.progress.Phase;
import io.pgshift.progress.Progress;

/** The plain lines of a run's events, for a log: one per event, and the time each happened. */
final class LogLines {
    private LogLines() {
    }

    /** ISO 8601 local time with its offset, to the second: readable, sortable, and unambiguous across zones. */
    static String stamp(Clock clock) {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String started(String label, Progress p) {
        return prefix(label) + p.phase().label() + ": started"
                + (p.itemsTotal() > 0 ? ", " + items(p.itemsTotal()) : "")
                + (p.bytesTotal() > 0 ? ", about " + Units.bytes(p.bytesTotal()) : "");
    }

    static String item(Progress p, String item, long rows, long bytes, Duration took) {
        return p.phase().label() + ": " + item + ": " + Units.count(rows) + " rows, " + Units.bytes(bytes) + " in "
                + Units.duration(took) + " (" + Units.count(p.itemsDone()) + "/" + Units.count(p.itemsTotal()) + ")";
    }

    static String finished(String label, Progress p) {
        // Preparing counts nothing: "0 items" would only raise a question.
        String counts = p.phase() == Phase.PREPARE && p.itemsTotal() == 0 ? ""
                : ", " + items(p.itemsDone())
                        + (p.rowsDone() > 0 ? ", " + Units.count(p.rowsDone()) + " rows" : "")
                        + (p.bytesDone() > 0 ? ", " + Units.bytes(p.bytesDone()) : "");
        return prefix(label) + p.phase().label() + ": done" + counts + " in " + Units.duration(p.elapsed());
    }

    private static String items(long n) {
        return Units.count(n) + (n == 1 ? " item" : " items");
    }

    static String warning(String message) {
        return "warning: " + message;
    }

    private static String prefix(String label) {
        return label == null ? "" : label + ": ";
    }
}
