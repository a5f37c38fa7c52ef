package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import io.pgshift.analyze.StageResult;
import io.pgshift.run.PhaseResult;
import io.pgshift.server.ServerDatabases;
import io.pgshift.upgrade.DatabaseResult;
import io.pgshift.upgrade.Finding;
import io.pgshift.upgrade.Severity;
import io.pgshift.upgrade.Status;
import io.pgshift.upgrade.StepResult;
import io.pgshift.upgrade.UpgradeReport;

/**
 * The end of an upgrade: each step and each database with its time, rows, bytes and warnings, the databases not
 * moved and why, then findings.
 */
final class UpgradeSummary {
    private UpgradeSummary() {
    }

    static void print(UpgradeReport r, PrintWriter out) {
        out.println();
        out.println("Upgrade from PostgreSQL " + orUnknown(r.sourceVersion()) + " to " + orUnknown(r.targetVersion())
                + ": " + (r.succeeded() ? "succeeded" : "FAILED") + " in " + Units.duration(r.took()));
        out.println("  steps:");
        for (StepResult s : r.steps()) {
            boolean timed = s.status() == Status.DONE || s.status() == Status.FAILED || s.status() == Status.RUNNING;
            out.printf("    %-28s %-8s %10s  %s%n", s.step().label(), status(s.status()),
                    timed ? Units.duration(s.took()) : "", s.detail() == null ? "" : s.detail());
        }
        if (!r.databases().isEmpty()) {
            out.println("  databases:");
            for (DatabaseResult d : r.databases()) {
                printDatabase(d, out);
            }
        }
        if (!r.skippedDatabases().isEmpty()) {
            out.println("  skipped databases:");
            for (ServerDatabases.Skipped s : r.skippedDatabases()) {
                out.printf("    %-24s %s%n", s.name(), s.reason());
            }
        }
        if (r.analyze() != null) {
            out.println("  analyze: " + Units.count(r.analyze().tables()) + " tables in "
                    + Units.duration(r.analyze().took()) + stages(r.analyze().stages()));
        }
        printFindings("errors", r.findings(Severity.ERROR), out);
        printFindings("warnings", r.findings(Severity.WARNING), out);
        printFindings("information", r.findings(Severity.INFO), out);
        out.flush();
    }

    private static void printDatabase(DatabaseResult d, PrintWriter out) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "    %-24s %-8s", d.name(), status(d.status())));
        if (d.copiedBefore()) {
            line.append("  copied whole before the interruption, left as it was");
        } else if (d.status() != Status.NOT_RUN) {
            line.append(String.format(Locale.ROOT, " %10s  %d %s  %s tables  %s rows  %s", Units.duration(d.took()),
                    d.jobs(), d.jobs() == 1 ? "job " : "jobs", Units.count(d.tables()), Units.count(d.rows()),
                    Units.bytes(d.bytes())));
            line.append("  ").append(d.warnings()).append(d.warnings() == 1 ? " warning" : " warnings");
        }
        if (d.verification() != null) {
            line.append("  verify ").append(d.verification()).append(" in ").append(Units.duration(d.verifyTook()));
        }
        out.println(line);
        if (!d.phases().isEmpty()) {
            out.println("      " + d.phases().stream().map(UpgradeSummary::phase).collect(Collectors.joining(", ")));
        }
        if (d.error() != null) {
            out.println("      error: " + d.error());
        }
    }

    private static String phase(PhaseResult p) {
        return p.phase().label() + " " + Units.duration(p.took());
    }

    private static String stages(List<StageResult> stages) {
        if (stages.size() < 2) {
            return "";
        }
        return stages.stream().map(s -> s.stage().label() + " " + Units.duration(s.took()))
                .collect(Collectors.joining(", ", " (", ")"));
    }

    private static void printFindings(String title, List<Finding> findings, PrintWriter out) {
        if (findings.isEmpty()) {
            return;
        }
        out.println("  " + title + ": " + findings.size());
        for (Finding f : findings) {
            out.println("    [" + f.code() + "] " + (f.database() != null ? f.database() + ": " : "") + f.message());
        }
    }

    private static String status(Status s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String orUnknown(String version) {
        return version == null ? "(unknown)" : version;
    }
}
