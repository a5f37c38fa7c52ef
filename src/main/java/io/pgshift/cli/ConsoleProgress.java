package io.pgshift.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.pgshift.progress.Phase;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;

/**
 * Draws a run's progress on standard error, one of three ways ({@link Mode}), and writes every event as a
 * timestamped line to the log file when there is one. Warnings are shown in every mode, as they were always
 * shown: a line starting with "warning: ", which scripts look for.
 */
final class ConsoleProgress implements ProgressListener, AutoCloseable {
    enum Mode {
        /** A terminal: a status block redrawn in place, and a line for each phase that ends. */
        LIVE,
        /** Not a terminal, or --no-progress: a timestamped line per event. */
        LINES,
        /** -q: warnings only; the command prints its result as always. */
        QUIET
    }

    private static final long REDRAW_MILLIS = 250;
    /** Ask the terminal's size every this many redraws: a window may be resized during a long run. */
    private static final int RESIZE_EVERY = 8;
    private static final String UP = "\u001b[%dA";
    private static final String CLEAR_TO_END_OF_LINE = "\u001b[K";
    private static final String CLEAR_TO_END_OF_SCREEN = "\u001b[J";

    private final PrintWriter err;
    private final Mode mode;
    private final PrintWriter log;
    private final Clock clock;
    private final StatusBlock block = new StatusBlock();
    private ScheduledExecutorService redraw;
    private Terminal terminal;
    private int redraws;
    /** Lines of the block now on the screen; the cursor stands at the end of the last one. */
    private int drawn;

    /**
     * @param log where the timestamped lines also go, or null
     */
    ConsoleProgress(PrintWriter err, Mode mode, PrintWriter log, Clock clock, Terminal terminal) {
        this.err = err;
        this.mode = mode;
        this.log = log;
        this.clock = clock;
        this.terminal = terminal;
    }

    /** The renderer of a real run, which in LIVE mode redraws by itself until it is closed. */
    static ConsoleProgress start(PrintWriter err, Mode mode, PrintWriter log, Terminal terminal) {
        ConsoleProgress progress = new ConsoleProgress(err, mode, log, Clock.systemDefaultZone(), terminal);
        if (mode == Mode.LIVE) {
            progress.redraw = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "pgshift-progress");
                t.setDaemon(true);
                return t;
            });
            progress.redraw.scheduleAtFixedRate(progress::tick, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
        }
        return progress;
    }

    @Override
    public void phaseStarted(Progress progress) {
        phaseStarted(null, progress);
    }

    @Override
    public void phaseFinished(Progress progress) {
        phaseFinished(null, progress);
    }

    @Override
    public synchronized void phaseStarted(String label, Progress progress) {
        block.started(label, progress, clock.millis());
        String line = LogLines.started(label, progress);
        logged(line);
        // Preparing is mostly connecting: a failure there should be the only line the user sees.
        if (mode == Mode.LINES && progress.phase() != Phase.PREPARE) {
            printStamped(line);
        }
    }

    @Override
    public synchronized void itemDone(Progress progress, String item, long rows, long bytes, Duration took) {
        // Index builds and statement batches come by the thousand: only tables make a line.
        if (progress.phase() != Phase.DATA) {
            return;
        }
        String line = LogLines.item(progress, item, rows, bytes, took);
        logged(line);
        if (mode == Mode.LINES) {
            printStamped(line);
        }
    }

    @Override
    public synchronized void phaseFinished(String label, Progress progress) {
        block.finished(progress);
        String line = LogLines.finished(label, progress);
        logged(line);
        if (mode == Mode.LINES) {
            printStamped(line);
        } else if (mode == Mode.LIVE) {
            printAbove(line);
        }
    }

    @Override
    public synchronized void warning(String message) {
        String line = LogLines.warning(message);
        logged(line);
        printAbove(line);
    }

    @Override
    public synchronized void info(String message) {
        logged(message);
        if (mode == Mode.LINES) {
            printStamped(message);
        } else if (mode == Mode.LIVE) {
            printAbove(message);
        }
    }

    /** A line for the log file alone. */
    synchronized void logged(String line) {
        if (log != null) {
            log.println(LogLines.stamp(clock) + " " + line);
            log.flush();
        }
    }

    private void printStamped(String line) {
        err.println(LogLines.stamp(clock) + " " + line);
        err.flush();
    }

    /** A line that stays: the block is taken away, the line printed, and the block drawn again below it. */
    private void printAbove(String line) {
        erase();
        err.println(line);
        draw();
    }

    private synchronized void tick() {
        if (++redraws % RESIZE_EVERY == 0) {
            terminal = terminal.resized();
        }
        draw();
    }

    /** Draws the block over the one on the screen, line by line, so that it does not flicker. */
    synchronized void draw() {
        if (mode != Mode.LIVE) {
            return;
        }
        List<String> lines = block.lines(clock.millis(), terminal.columns(), terminal.rows());
        StringBuilder screen = new StringBuilder(toBlockStart());
        for (int i = 0; i < lines.size(); i++) {
            screen.append(i > 0 ? "\n" : "").append(lines.get(i)).append(CLEAR_TO_END_OF_LINE);
        }
        screen.append(CLEAR_TO_END_OF_SCREEN);
        err.print(screen);
        err.flush();
        drawn = lines.size();
    }

    private void erase() {
        if (mode == Mode.LIVE && drawn > 0) {
            err.print(toBlockStart() + CLEAR_TO_END_OF_SCREEN);
            drawn = 0;
        }
    }

    private String toBlockStart() {
        return "\r" + (drawn > 1 ? String.format(UP, drawn - 1) : "");
    }

    @Override
    public void close() {
        if (redraw != null) {
            redraw.shutdownNow();
        }
        synchronized (this) {
            erase();
            err.flush();
        }
    }
}
