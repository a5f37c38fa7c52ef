package io.pgshift.upgrade;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.pgshift.analyze.AnalyzeResult;
import io.pgshift.server.ServerDatabases;

/**
 * Everything an upgrade did, also when it failed or was interrupted: what finished is in it, and a step that
 * did not finish says so.
 *
 * @param options          the effective options, passwords masked
 * @param steps            every step, in order, those that never started included
 * @param skippedDatabases the source's databases not moved (templates, the provider's, excluded, refusing
 *                         connections), each with the reason
 * @param analyze          the ANALYZE step's stages, or null when it did not run
 * @param failure          the first failure, or null
 */
public record UpgradeReport(Instant started, Duration took, Map<String, Object> options, String sourceVersion,
                            String targetVersion, List<StepResult> steps, List<DatabaseResult> databases,
                            List<ServerDatabases.Skipped> skippedDatabases, AnalyzeResult analyze,
                            List<Finding> findings, Failure failure) {

    public UpgradeReport {
        steps = List.copyOf(steps);
        databases = List.copyOf(databases);
        skippedDatabases = List.copyOf(skippedDatabases);
        findings = List.copyOf(findings);
    }

    /** True only when every step finished or was skipped on purpose, and nothing failed. */
    public boolean succeeded() {
        return failure == null
                && steps.stream().allMatch(s -> s.status() == Status.DONE || s.status() == Status.SKIPPED);
    }

    public List<Finding> findings(Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).toList();
    }
}
