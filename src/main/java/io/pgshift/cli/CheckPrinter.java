package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.List;

import io.pgshift.check.CheckReport;
import io.pgshift.check.Finding;
import io.pgshift.check.Severity;

/** The check's findings as a table: severity, code, database, then the message with its fix underneath. */
final class CheckPrinter {
    /** Objects listed under a finding; the JSON has them all. */
    private static final int OBJECTS_SHOWN = 10;

    private CheckPrinter() {
    }

    static void print(CheckReport report, PrintWriter out) {
        out.println("Source: " + report.source() + " (PostgreSQL " + report.sourceVersion() + ")");
        out.println("Target: " + report.target() + " (PostgreSQL " + report.targetVersion() + ")");
        out.println("Databases checked: " + (report.databases().isEmpty() ? "none" : String.join(", ", report.databases())));
        out.println();
        int codeWidth = Math.max(4, report.findings().stream().mapToInt(f -> f.code().length()).max().orElse(0));
        int dbWidth = Math.max(8, report.findings().stream().mapToInt(f -> database(f).length()).max().orElse(0));
        String row = "%-8s  %-" + codeWidth + "s  %-" + dbWidth + "s  %s%n";
        String indent = " ".repeat(8 + 2 + codeWidth + 2 + dbWidth + 2);
        out.printf(row, "SEVERITY", "CODE", "DATABASE", "FINDING");
        for (Finding f : report.findings()) {
            out.printf(row, f.severity(), f.code(), database(f), f.message());
            if (f.objects().size() > 1 && !f.objects().stream().allMatch(f.message()::contains)) {
                List<String> shown = f.objects().subList(0, Math.min(OBJECTS_SHOWN, f.objects().size()));
                out.println(indent + "objects: " + String.join(", ", shown)
                        + (f.objects().size() > shown.size() ? " and " + (f.objects().size() - shown.size()) + " more" : ""));
            }
            if (f.fix() != null) {
                out.println(indent + "fix: " + f.fix());
            }
        }
        out.println();
        out.println(count(report.count(Severity.ERROR), "error") + ", " + count(report.count(Severity.WARNING), "warning")
                + ", " + count(report.count(Severity.INFO), "note") + ".");
        if (report.passed()) {
            out.println("No errors: the upgrade can go ahead" + (report.warnings() > 0 ? "; read the warnings first." : "."));
        }
    }

    private static String database(Finding f) {
        return f.database() == null ? "-" : f.database();
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
