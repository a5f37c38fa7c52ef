package io.pgshift.progress;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Live counters of the phase that is running. Workers add to them; a renderer may read them at any time
 * from another thread to draw a rate and an ETA.
 */
public final class Progress {
    private final Phase phase;
    private final long itemsTotal;
    private final long bytesTotal;
    private final long startNanos = System.nanoTime();
    private final AtomicLong itemsDone = new AtomicLong();
    private final AtomicLong bytesDone = new AtomicLong();
    private final AtomicLong rowsDone = new AtomicLong();
    private volatile long rowsTotal;

    public Progress(Phase phase, long itemsTotal, long bytesTotal) {
        this.phase = phase;
        this.itemsTotal = itemsTotal;
        this.bytesTotal = bytesTotal;
    }

    public Phase phase() {
        return phase;
    }

    public long itemsTotal() {
        return itemsTotal;
    }

    /** Expected bytes, an estimate from the source's relation sizes; 0 when the phase moves no data. */
    public long bytesTotal() {
        return bytesTotal;
    }

    public long itemsDone() {
        return itemsDone.get();
    }

    public long bytesDone() {
        return bytesDone.get();
    }

    public long rowsDone() {
        return rowsDone.get();
    }

    /** Expected rows, from the source's statistics (reltuples); 0 when unknown. */
    public long rowsTotal() {
        return rowsTotal;
    }

    /** Sets the rows expected, once known: the statistics of the tables the phase moves. */
    public Progress estimateRows(long rows) {
        this.rowsTotal = Math.max(0, rows);
        return this;
    }

    public Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    public void addBytes(long bytes) {
        bytesDone.addAndGet(bytes);
    }

    public void itemDone(long rows) {
        rowsDone.addAndGet(rows);
        itemsDone.incrementAndGet();
    }
}
