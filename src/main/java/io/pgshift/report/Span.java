package io.pgshift.report;

/**
 * Something that took time on one worker: a phase of the run, one table copied, one index built, one batch of
 * statements.
 *
 * @param worker  the thread that did it: pgshift-worker-N for items, the thread that ran the phase for a phase;
 *                a second thread of the same name running at the same time gets " (2)" after it
 * @param kind    {@code step} (a step of an upgrade), {@code phase} or {@code item}
 * @param phase   the phase it belongs to (data, indexes and constraints, ...), or the step's name
 * @param start   seconds from the start of the run
 * @param seconds how long it took
 */
public record Span(String worker, String kind, String phase, String name, double start, double seconds, long rows,
                   long bytes) {
    public static final String STEP = "step";
    public static final String PHASE = "phase";
    public static final String ITEM = "item";

    public double end() {
        return start + seconds;
    }
}
