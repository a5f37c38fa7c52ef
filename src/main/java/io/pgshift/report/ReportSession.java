package io.pgshift.report;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.progress.ProgressListener;

/**
 * One command's report from its start to the file: records the run through {@link #listener}, and writes the
 * report once, whatever happens: when the run ends, when it fails (marked as failed, with the error), or from a
 * shutdown hook when the process is stopped (Ctrl-C), with what finished by then. Without a file it records and
 * writes nothing, so that a command can use it the same way with and without --report.
 */
public final class ReportSession {
    private final Path file;
    private final String command;
    private final String source;
    private final String target;
    private final ProgressListener next;
    private final Recorder recorder;
    private final Instant started;
    private Thread hook;
    private boolean written;

    /**
     * @param file   where to write it, or null for no report
     * @param source the source's connection description (ConnInfo.describe(), never a password), or a path
     * @param next   the listener the run's events go on to
     */
    public ReportSession(Path file, String command, String source, String target, ProgressListener next) {
        this.file = file;
        this.command = command;
        this.source = source;
        this.target = target;
        this.next = next;
        this.recorder = file == null ? null : new Recorder(next);
        this.started = recorder != null ? recorder.started() : Instant.now();
    }

    public Path file() {
        return file;
    }

    /** The listener to give the run: it records, and passes everything on to the console. */
    public ProgressListener listener() {
        return recorder != null ? recorder : next;
    }

    /**
     * Runs the body and writes the report: with what {@code contents} makes of its result, or, when it throws,
     * marked as failed with its error, before the error goes on.
     */
    public <T> T run(Supplier<T> body, Function<T, Contents> contents) {
        if (recorder == null) {
            return body.get();
        }
        interruptedWrites(() -> Contents.NONE);
        T result;
        try {
            result = body.get();
        } catch (RuntimeException e) {
            failed(e, Contents.NONE);
            throw e;
        }
        finish(true, 0, null, contents.apply(result));
        return result;
    }

    /**
     * Writes the report of a run that ended in this exception, with its exit code and message. A report that
     * cannot be written then is added to the exception, which stays the one to report.
     */
    public void failed(RuntimeException e, Contents contents) {
        ErrorCode code = e instanceof PgShiftException p ? p.code() : ErrorCode.INTERNAL;
        try {
            finish(false, code.exitCode(), e.getMessage() == null ? e.toString() : e.getMessage(), contents);
        } catch (RuntimeException notWritten) {
            e.addSuppressed(notWritten);
        }
    }

    /** When the run started, which the timeline counts from. */
    public Instant started() {
        return started;
    }

    /** From now on, a process stopped before {@link #finish} writes the report with what {@code partial} gives. */
    public synchronized void interruptedWrites(Supplier<Contents> partial) {
        if (recorder == null) {
            return;
        }
        if (hook != null) {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        hook = new Thread(() -> finish(false, ErrorCode.INTERRUPTED.exitCode(), "interrupted before the "
                + command + " finished", partial.get()), "pgshift-report");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Writes the report; only the first call does, so the shutdown hook and the run's end never both write. */
    public synchronized void finish(boolean succeeded, int exitCode, String error, Contents contents) {
        if (written || recorder == null) {
            return;
        }
        written = true;
        if (hook != null && Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is stopping; the hook finds the report written.
            }
        }
        recorder.close();
        List<Span> timeline = new ArrayList<>(recorder.timeline());
        timeline.addAll(contents.spans());
        ReportFiles.write(new RunReport(command, succeeded, exitCode, error, started, Instant.now(),
                source, target, timeline, recorder.throughput(), contents), file);
    }
}
