package io.pgshift.upgrade;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pgshift.ErrorCode;
import io.pgshift.analyze.AnalyzeResult;
import io.pgshift.run.CopyResult;
import io.pgshift.run.PhaseResult;
import io.pgshift.server.ServerDatabases;

/**
 * The report as the upgrade fills it in, from several threads. A snapshot can be taken at any moment, so an
 * upgrade that fails or is interrupted still reports what it finished.
 */
final class ReportBuilder {
    private final Instant started = Instant.now();
    private final long startNanos = System.nanoTime();
    private final Map<String, Object> options;
    private final Map<Step, StepState> steps = new EnumMap<>(Step.class);
    private final Map<String, DatabaseState> databases = new LinkedHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private List<ServerDatabases.Skipped> skippedDatabases = List.of();
    private String sourceVersion;
    private String targetVersion;
    private AnalyzeResult analyze;
    private Failure failure;

    ReportBuilder(Map<String, Object> options) {
        this.options = options;
    }

    private static final class StepState {
        Status status = Status.NOT_RUN;
        long startNanos;
        Duration took = Duration.ZERO;
        String detail;
    }

    private static final class DatabaseState {
        Status status = Status.NOT_RUN;
        int jobs;
        long startNanos;
        Duration took = Duration.ZERO;
        CopyResult copy;
        String error;
        String verification;
        Duration verifyTook;
        boolean copiedBefore;
    }

    synchronized void started(Step step) {
        StepState s = state(step);
        s.status = Status.RUNNING;
        s.startNanos = System.nanoTime();
    }

    synchronized void finished(Step step, String detail) {
        end(step, Status.DONE, detail);
    }

    synchronized void skipped(Step step, String reason) {
        StepState s = state(step);
        s.status = Status.SKIPPED;
        s.detail = reason;
    }

    /** The step failed; the first failure of the run is the one the exit code reports. */
    synchronized void failed(Step step, ErrorCode code, String message) {
        end(step, Status.FAILED, message);
        if (failure == null) {
            failure = new Failure(step, code, message);
        }
    }

    synchronized boolean hasFailed() {
        return failure != null;
    }

    private void end(Step step, Status status, String detail) {
        StepState s = state(step);
        s.status = status;
        s.took = Duration.ofNanos(System.nanoTime() - s.startNanos);
        s.detail = detail;
    }

    private StepState state(Step step) {
        return steps.computeIfAbsent(step, k -> new StepState());
    }

    synchronized void finding(Finding finding) {
        findings.add(finding);
    }

    synchronized void skippedDatabases(List<ServerDatabases.Skipped> skipped) {
        skippedDatabases = List.copyOf(skipped);
    }

    synchronized void versions(String source, String target) {
        sourceVersion = source;
        targetVersion = target;
    }

    synchronized void analyzed(AnalyzeResult result) {
        analyze = result;
    }

    synchronized void databaseQueued(String name) {
        databases.put(name, new DatabaseState());
    }

    /** A database an interrupted upgrade copied whole, which the resumed one leaves as it is. */
    synchronized void databaseCopiedBefore(String name) {
        DatabaseState d = new DatabaseState();
        d.status = Status.DONE;
        d.copiedBefore = true;
        databases.put(name, d);
    }

    synchronized void databaseStarted(String name, int jobs) {
        DatabaseState d = databases.get(name);
        d.status = Status.RUNNING;
        d.jobs = jobs;
        d.startNanos = System.nanoTime();
    }

    synchronized void databaseCopied(String name, CopyResult copy) {
        DatabaseState d = databases.get(name);
        d.status = Status.DONE;
        d.copy = copy;
        d.took = Duration.ofNanos(System.nanoTime() - d.startNanos);
    }

    synchronized void databaseFailed(String name, String error) {
        DatabaseState d = databases.get(name);
        d.status = Status.FAILED;
        d.error = error;
        d.took = Duration.ofNanos(System.nanoTime() - d.startNanos);
    }

    synchronized void verified(String name, boolean passed, Duration took) {
        DatabaseState d = databases.get(name);
        d.verification = passed ? "passed" : "failed";
        d.verifyTook = took;
    }

    synchronized UpgradeReport snapshot() {
        List<StepResult> stepResults = new ArrayList<>();
        for (Step step : Step.values()) {
            StepState s = steps.getOrDefault(step, new StepState());
            Duration took = s.status == Status.RUNNING ? Duration.ofNanos(System.nanoTime() - s.startNanos) : s.took;
            stepResults.add(new StepResult(step, s.status, took, s.detail));
        }
        List<DatabaseResult> dbs = new ArrayList<>();
        for (Map.Entry<String, DatabaseState> e : databases.entrySet()) {
            DatabaseState d = e.getValue();
            CopyResult c = d.copy;
            int warnings = (int) findings.stream()
                    .filter(f -> e.getKey().equals(f.database()) && f.severity() != Severity.INFO).count();
            Duration took = d.status == Status.RUNNING ? Duration.ofNanos(System.nanoTime() - d.startNanos) : d.took;
            dbs.add(new DatabaseResult(e.getKey(), d.status, d.jobs, took, c == null ? 0 : c.tables().size(),
                    c == null ? 0 : c.rows(), c == null ? 0 : c.bytes(),
                    c == null ? List.<PhaseResult>of() : c.phases(), warnings, d.verification, d.verifyTook, d.error,
                    d.copiedBefore));
        }
        return new UpgradeReport(started, Duration.ofNanos(System.nanoTime() - startNanos), options, sourceVersion,
                targetVersion, stepResults, dbs, skippedDatabases, analyze, findings, failure);
    }
}
