package io.pgshift.analyze;

import java.time.Duration;

/** One finished stage: how many tables it analyzed, and how long it took. */
public record StageResult(Stage stage, long tables, Duration took) {
}
