package io.pgshift.run;

import java.time.Duration;
import io.pgshift.progress.Phase;

/** One finished phase: how many items it handled and how long it took. */
public record PhaseResult(Phase phase, long items, long rows, long bytes, Duration took) {
}
