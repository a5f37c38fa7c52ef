package io.pgshift.report;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.upgrade.DatabaseResult;
import io.pgshift.upgrade.Finding;
import io.pgshift.upgrade.ReportJson;
import io.pgshift.upgrade.Status;
import io.pgshift.upgrade.Step;
import io.pgshift.upgrade.StepResult;
import io.pgshift.upgrade.UpgradeReport;

/** What an upgrade adds to its report: its steps, databases, findings, settings comparison and verification. */
public final class UpgradeContents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<Step> OWN_SECTIONS = Set.of(Step.CHECK, Step.SETTINGS, Step.VERIFY);

    private UpgradeContents() {
    }

    /**
     * @param runStarted when the report's run started, which its timeline counts from
     */
    public static Contents of(UpgradeReport report, Instant runStarted) {
        List<Section> sections = new ArrayList<>();
        sections.add(steps(report));
        sections.add(databases(report));
        sections.add(new Section("Skipped databases", "Databases of the source that were not moved, and why.",
                List.of("Database", "Reason"),
                report.skippedDatabases().stream().map(s -> List.of(s.name(), s.reason())).toList()));
        sections.add(findings("Check findings", "What the pre-flight check found on both servers.",
                report.findings().stream().filter(f -> f.step() == Step.CHECK).toList()));
        sections.add(findings("Settings comparison", "Parameters the source sets that the target has otherwise, "
                + "renamed or removed parameters, changed defaults. The target's configuration is left to you.",
                report.findings().stream().filter(f -> f.step() == Step.SETTINGS).toList()));
        sections.add(verification(report));
        sections.add(findings("Other findings", "What the roles, copies and ANALYZE reported.",
                report.findings().stream().filter(f -> !OWN_SECTIONS.contains(f.step())).toList()));
        return new Contents(upgradeJson(report), sections, stepSpans(report, runStarted));
    }

    /** The upgrade's own JSON, as it has always been written, so its fields stay where scripts read them. */
    private static Object upgradeJson(UpgradeReport report) {
        try {
            return JSON.readTree(ReportJson.toJson(report));
        } catch (JsonProcessingException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "cannot read the upgrade's report back: " + e.getMessage(), e);
        }
    }

    private static Section steps(UpgradeReport report) {
        return new Section("Steps", null, List.of("Step", "Status", "Time", "Detail"), report.steps().stream()
                .map(s -> List.of(s.step().label(), s.status().name(), time(s.took()), text(s.detail())))
                .toList());
    }

    private static Section databases(UpgradeReport report) {
        List<List<String>> rows = new ArrayList<>();
        for (DatabaseResult d : report.databases()) {
            if (d.copiedBefore()) {
                rows.add(List.of(d.name(), d.status().name(), "", "", "", "", "",
                        "copied whole before the interruption, left as it was"));
                continue;
            }
            rows.add(List.of(d.name(), d.status().name(), String.valueOf(d.jobs()), time(d.took()),
                    Html.count(d.tables()), Html.count(d.rows()), Html.bytes(d.bytes()), text(d.error())));
        }
        return new Section("Databases", null,
                List.of("Database", "Status", "Jobs", "Time", "Tables", "Rows", "Bytes", "Error or note"), rows);
    }

    private static Section verification(UpgradeReport report) {
        StepResult step = report.steps().stream().filter(s -> s.step() == Step.VERIFY).findFirst().orElseThrow();
        List<List<String>> rows = new ArrayList<>();
        for (DatabaseResult d : report.databases()) {
            if (d.verification() != null) {
                rows.add(List.of(d.name(), d.verification(), d.verifyTook() == null ? "" : time(d.verifyTook())));
            }
        }
        for (Finding f : report.findings()) {
            if (f.step() == Step.VERIFY) {
                rows.add(List.of(text(f.database()), f.severity().name(), f.message()));
            }
        }
        String note = step.status() == Status.DONE ? "Every migrated database compared with its source."
                : "Verification " + step.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + (step.detail() != null ? ": " + step.detail() : ".");
        return new Section("Verification", note, List.of("Database", "Result", "Time or difference"), rows);
    }

    private static Section findings(String title, String note, List<Finding> findings) {
        return new Section(title, note, List.of("Severity", "Code", "Database", "Message"), findings.stream()
                .map(f -> List.of(f.severity().name(), f.code(), text(f.database()), f.message()))
                .toList());
    }

    /**
     * The steps as spans of their own row. The upgrade runs them one after the other, so each starts when the one
     * before it ended; a step that did not run takes no time.
     */
    static List<Span> stepSpans(UpgradeReport report, Instant runStarted) {
        double at = Duration.between(runStarted, report.started()).toNanos() / 1e9;
        List<Span> spans = new ArrayList<>();
        for (StepResult s : report.steps()) {
            double seconds = s.took().toNanos() / 1e9;
            if (s.status() != Status.NOT_RUN && s.status() != Status.SKIPPED) {
                spans.add(new Span("upgrade", Span.STEP, s.step().label(), s.step().label(), Math.max(0, at),
                        seconds, 0, 0));
            }
            at += seconds;
        }
        return spans;
    }

    private static String time(Duration d) {
        return Html.seconds(d.toNanos() / 1e9);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
