package io.pgshift.progress;

import java.time.Duration;
import io.pgshift.progress.Progress;

/**
 * What a run tells its caller while it works. The library never prints; the command line decides
 * whether this becomes a live terminal line, plain log lines or nothing. Methods may be called from
 * worker threads.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
    };

    default void phaseStarted(Progress progress) {
    }

    /** One table copied, one index built, one statement batch run. */
    default void itemDone(Progress progress, String item, long rows, long bytes, Duration took) {
    }

    default void phaseFinished(Progress progress) {
    }

    /**
     * A phase of one of several runs going on side by side (upgrade's database copies); {@code label} says
     * whose it is, so that a renderer can tell the runs apart. Listeners that do not care get the plain call.
     */
    default void phaseStarted(String label, Progress progress) {
        phaseStarted(progress);
    }

    default void phaseFinished(String label, Progress progress) {
        phaseFinished(progress);
    }

    /**
     * A step of the run that is worth a line of its own, such as each step of a cutover with its duration: not a
     * warning, and not part of a phase's counts.
     */
    default void info(String message) {
    }

    /** Something the user should know that did not stop the run. */
    default void warning(String message) {
    }
}
