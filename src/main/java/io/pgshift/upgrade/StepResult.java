package io.pgshift.upgrade;

import java.time.Duration;

/**
 * One step as it ended.
 *
 * @param detail what it did, or why it was skipped or failed, in a line
 */
public record StepResult(Step step, Status status, Duration took, String detail) {
}
