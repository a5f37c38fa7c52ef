package io.pgshift.cli;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Bytes per second over the last few seconds, from samples of a running total. A window rather than the
 * average since the start: the start is slow (the largest tables open first, indexes compete later), and an
 * average from there would keep an ETA wrong for the whole run.
 */
final class Rate {
    static final long WINDOW_MILLIS = 10_000;

    private record Sample(long millis, long bytes) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    void sample(long millis, long bytes) {
        samples.addLast(new Sample(millis, bytes));
        // Keep one sample older than the window, so the window is always full once the run is long enough.
        while (samples.size() > 2 && millis - secondOldest().millis() >= WINDOW_MILLIS) {
            samples.removeFirst();
        }
    }

    /** How long the samples span, in milliseconds. */
    long spanMillis() {
        return samples.isEmpty() ? 0 : samples.getLast().millis() - samples.getFirst().millis();
    }

    /** Bytes per second over the samples; 0 before there are two of them a moment apart. */
    double perSecond() {
        long span = spanMillis();
        if (span < 500) {
            return 0;
        }
        return (samples.getLast().bytes() - samples.getFirst().bytes()) * 1000.0 / span;
    }

    private Sample secondOldest() {
        var it = samples.iterator();
        it.next();
        return it.next();
    }
}
