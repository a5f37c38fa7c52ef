package io.pgshift.upgrade;

import java.time.Duration;
import java.util.List;

import io.pgshift.run.PhaseResult;

/**
 * One database of the upgrade.
 *
 * @param jobs         the copiers its copy had (and as many index builders)
 * @param took         the copy's wall time
 * @param phases       the copy's phases (prepare, schema, data, indexes) with their times
 * @param warnings     how many warnings its copy and verification gave; they are among the report's findings
 * @param verification "passed", "failed", or null when it was not verified
 * @param error        why its copy failed, or null
 * @param copiedBefore whether an interrupted upgrade copied it whole, and this resumed one left it as it was
 */
public record DatabaseResult(String name, Status status, int jobs, Duration took, long tables, long rows, long bytes,
                             List<PhaseResult> phases, int warnings, String verification, Duration verifyTook,
                             String error, boolean copiedBefore) {

    public DatabaseResult {
        phases = List.copyOf(phases);
    }
}
