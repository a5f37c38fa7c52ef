package io.pgshift.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.pgshift.run.Phase;
import io.pgshift.run.Progress;
import io.pgshift.run.ProgressListener;

/**
 * Draws a run's progress. On a terminal one line is redrawn in place with counts, rate and ETA; anywhere
 * else (a log file, CI) each event becomes a plain, timestamp-free line that reads well in a log.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
    private static final long REDRAW_MILLIS = 250;

    private final PrintWriter err;
    private final boolean live;
    private final ScheduledExecutorService redraw;
    /** Phases that run at the same time (rows and index builds overlap) share the live line. */
    private final List<Progress> active = new CopyOnWriteArrayList<>();
    private int lastWidth;

    ConsoleProgress(PrintWriter err, boolean live) {
        this.err = err;
        this.live = live;
        this.redraw = live ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "pgshift-progress");
            t.setDaemon(true);
            return t;
        }) : null;
        if (live) {
            redraw.scheduleAtFixedRate(this::draw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void phaseStarted(Progress progress) {
        active.add(progress);
        // Preparing is mostly connecting: a failure there should be the only line the user sees.
        if (!live && progress.phase() != Phase.PREPARE) {
            synchronized (this) {
                err.println(progress.phase().label() + ": started"
                        + (progress.itemsTotal() > 0 ? ", " + Units.count(progress.itemsTotal()) + " items" : "")
                        + (progress.bytesTotal() > 0 ? ", about " + Units.bytes(progress.bytesTotal()) : ""));
                err.flush();
            }
        }
    }

    @Override
    public void itemDone(Progress progress, String item, long rows, long bytes, Duration took) {
        if (!live && progress.phase() == Phase.DATA) {
            synchronized (this) {
                err.println("  " + item + ": " + Units.count(rows) + " rows, " + Units.bytes(bytes) + " in "
                        + Units.duration(took) + " (" + progress.itemsDone() + "/" + progress.itemsTotal() + ")");
                err.flush();
            }
        }
    }

    @Override
    public void phaseFinished(Progress progress) {
        active.remove(progress);
        synchronized (this) {
            clearLine();
            err.println(progress.phase().label() + ": done, " + Units.count(progress.itemsDone()) + " items"
                    + (progress.bytesDone() > 0 ? ", " + Units.bytes(progress.bytesDone()) : "")
                    + " in " + Units.duration(progress.elapsed()));
            err.flush();
        }
    }

    @Override
    public void warning(String message) {
        synchronized (this) {
            clearLine();
            err.println("warning: " + message);
            err.flush();
        }
    }

    private synchronized void draw() {
        if (active.isEmpty()) {
            return;
        }
        String line = active.stream().map(ConsoleProgress::line).collect(Collectors.joining("  |  "));
        err.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
        lastWidth = line.length();
        err.flush();
    }

    static String line(Progress p) {
        StringBuilder line = new StringBuilder(p.phase().label()).append(": ")
                .append(Units.count(p.itemsDone())).append('/').append(Units.count(p.itemsTotal()));
        double seconds = Math.max(0.001, p.elapsed().toMillis() / 1000.0);
        if (p.bytesTotal() > 0) {
            double rate = p.bytesDone() / seconds;
            line.append("  ").append(Units.bytes(p.bytesDone())).append(" of ~").append(Units.bytes(p.bytesTotal()))
                    .append("  ").append(Units.bytes((long) rate)).append("/s");
            if (rate > 0 && p.bytesDone() < p.bytesTotal()) {
                long eta = (long) ((p.bytesTotal() - p.bytesDone()) / rate);
                line.append("  ETA ").append(Units.duration(Duration.ofSeconds(eta)));
            }
        } else if (p.itemsDone() > 0 && p.itemsDone() < p.itemsTotal()) {
            long eta = (long) ((p.itemsTotal() - p.itemsDone()) * seconds / p.itemsDone());
            line.append("  ETA ").append(Units.duration(Duration.ofSeconds(eta)));
        }
        line.append(String.format(Locale.ROOT, "  %s elapsed", Units.duration(p.elapsed())));
        return line.toString();
    }

    private void clearLine() {
        if (live && lastWidth > 0) {
            err.print("\r" + " ".repeat(lastWidth) + "\r");
            lastWidth = 0;
        }
    }

    @Override
    public void close() {
        if (redraw != null) {
            redraw.shutdownNow();
        }
        synchronized (this) {
            active.clear();
            clearLine();
            err.flush();
        }
    }
}
