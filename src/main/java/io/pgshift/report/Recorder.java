package io.pgshift.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;

/**
 * Listens to a run on behalf of the report and passes every event on to the next listener (the console). The run
 * calls itemDone on the worker thread that did the item, so the thread's name says which worker it was, and
 * the item started when it ended minus its time: the timeline needs nothing more from the engine. A daemon thread
 * samples the bytes moved, for the throughput chart.
 */
public final class Recorder implements ProgressListener, AutoCloseable {
    /** Samples are kept below this many by dropping every other one and sampling half as often. */
    private static final int MAX_SAMPLES = 600;

    private final ProgressListener next;
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();
    private final List<Span> spans = new ArrayList<>();
    /** Every phase seen, running or finished: their bytes added up are the bytes moved so far. */
    private final Map<Progress, Long> phaseStarts = new IdentityHashMap<>();
    private final Map<Progress, String> phaseWorkers = new IdentityHashMap<>();
    private final List<Progress> phases = new ArrayList<>();
    private final Map<Thread, String> workerNames = new IdentityHashMap<>();
    private final Map<String, Thread> nameHolders = new HashMap<>();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread sampler;
    private long sampleMillis = 200;

    public Recorder(ProgressListener next) {
        this.next = next;
        samples.add(new Sample(0, 0));
        sampler = new Thread(this::sampleUntilClosed, "pgshift-report-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    public Instant started() {
        return started;
    }

    @Override
    public void phaseStarted(Progress progress) {
        started(progress);
        next.phaseStarted(progress);
    }

    /** A database's phase in an upgrade: recorded alike, and passed on with its label, which the terminal shows. */
    @Override
    public void phaseStarted(String label, Progress progress) {
        started(progress);
        next.phaseStarted(label, progress);
    }

    private synchronized void started(Progress progress) {
        phaseStarts.put(progress, System.nanoTime());
        phaseWorkers.put(progress, worker(Thread.currentThread()));
        phases.add(progress);
    }

    @Override
    public void itemDone(Progress progress, String item, long rows, long bytes, Duration took) {
        double end = secondsSinceStart(System.nanoTime());
        double seconds = took.toNanos() / 1e9;
        synchronized (this) {
            spans.add(new Span(worker(Thread.currentThread()), Span.ITEM, progress.phase().label(), item,
                    Math.max(0, end - seconds), seconds, rows, bytes));
        }
        next.itemDone(progress, item, rows, bytes, took);
    }

    @Override
    public void phaseFinished(Progress progress) {
        finished(progress);
        next.phaseFinished(progress);
    }

    @Override
    public void phaseFinished(String label, Progress progress) {
        finished(progress);
        next.phaseFinished(label, progress);
    }

    private synchronized void finished(Progress progress) {
        Long start = phaseStarts.remove(progress);
        if (start != null) {
            spans.add(phaseSpan(progress, start, System.nanoTime()));
        }
    }

    @Override
    public void warning(String message) {
        next.warning(message);
    }

    @Override
    public void info(String message) {
        next.info(message);
    }

    /** What was recorded until now; phases still running end now. */
    public synchronized List<Span> timeline() {
        List<Span> all = new ArrayList<>(spans);
        long now = System.nanoTime();
        phaseStarts.forEach((progress, start) -> all.add(phaseSpan(progress, start, now)));
        return all;
    }

    public synchronized List<Sample> throughput() {
        return List.copyOf(samples);
    }

    /** Stops sampling, after one last sample. */
    @Override
    public void close() {
        sampler.interrupt();
        sample();
    }

    private Span phaseSpan(Progress progress, long startNanos, long endNanos) {
        double start = secondsSinceStart(startNanos);
        return new Span(phaseWorkers.get(progress), Span.PHASE, progress.phase().label(), progress.phase().label(),
                start, secondsSinceStart(endNanos) - start, progress.rowsDone(), progress.bytesDone());
    }

    /**
     * The thread's name, unless another thread of that name is still alive (the parallel databases of an upgrade
     * each have a pgshift-worker-1): then the name with " (2)" after it, and so on. A later thread of a name whose
     * earlier holder has ended takes the name over, so a copy's data workers and index builders share their rows.
     */
    private String worker(Thread thread) {
        String known = workerNames.get(thread);
        if (known != null) {
            return known;
        }
        String base = thread.getName();
        String name = base;
        for (int n = 2; nameHolders.containsKey(name) && nameHolders.get(name) != thread
                && nameHolders.get(name).isAlive(); n++) {
            name = base + " (" + n + ")";
        }
        nameHolders.put(name, thread);
        workerNames.put(thread, name);
        return name;
    }

    private double secondsSinceStart(long nanos) {
        return (nanos - startNanos) / 1e9;
    }

    private void sampleUntilClosed() {
        try {
            while (true) {
                long wait;
                synchronized (this) {
                    wait = sampleMillis;
                }
                Thread.sleep(wait);
                sample();
            }
        } catch (InterruptedException e) {
            // Closed: the run is over.
        }
    }

    private synchronized void sample() {
        long bytes = phases.stream().mapToLong(Progress::bytesDone).sum();
        samples.add(new Sample(secondsSinceStart(System.nanoTime()), bytes));
        if (samples.size() > MAX_SAMPLES) {
            List<Sample> kept = new ArrayList<>();
            for (int i = 0; i < samples.size(); i += 2) {
                kept.add(samples.get(i));
            }
            samples.clear();
            samples.addAll(kept);
            sampleMillis *= 2;
        }
    }
}
