package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.List;

import io.pgshift.settings.SettingsReport;

/** The settings comparison in four short sections, the ones that need action first. */
final class SettingsPrinter {
    private SettingsPrinter() {
    }

    static void print(SettingsReport report, PrintWriter out) {
        out.println("Source: " + report.source() + " (PostgreSQL " + report.sourceVersion() + ")");
        out.println("Target: " + report.target() + " (PostgreSQL " + report.targetVersion() + ")");
        out.println();
        out.println("Parameters the source changes from their defaults and the target has otherwise ("
                + report.changed().size() + "):");
        int width = report.changed().stream().mapToInt(c -> c.name().length()).max().orElse(0);
        for (SettingsReport.Changed c : report.changed()) {
            String there = c.targetName() == null ? "the target has no such parameter"
                    : (c.targetName().equals(c.name()) ? "target " : "target " + c.targetName() + " = ")
                            + (c.targetValue() == null ? "(none)" : c.targetValue());
            out.printf("  %-" + width + "s = %s (%s); %s%s%n", c.name(), c.sourceValue(), c.setIn(), there,
                    c.note() == null ? "" : "; " + c.note());
        }
        if (!report.same().isEmpty()) {
            out.println("  already the same on the target (" + report.same().size() + "): "
                    + String.join(", ", report.same()));
        }
        out.println();
        out.println("Renamed or removed between the two versions (" + report.retired().size() + "):");
        for (SettingsReport.Retired r : report.retired()) {
            out.println("  " + r.name() + (r.replacement() != null ? " -> " + r.replacement() + " (renamed in "
                    : " (removed in ") + r.version() + ")" + (r.setOnSource() ? ", SET ON THE SOURCE to "
                    + r.sourceValue() : "") + (r.note() != null ? ": " + r.note() : ""));
        }
        out.println();
        out.println("Defaults that changed (" + report.defaults().size() + "):");
        for (SettingsReport.DefaultChange d : report.defaults()) {
            out.println("  " + d.name() + ": " + d.from() + " -> " + d.to() + " in " + d.version()
                    + (d.setOnSource() ? " (the source sets its own value)" : "")
                    + (d.note() != null ? ": " + d.note() : ""));
        }
        out.println();
        List<SettingsReport.Added> noted = report.added().stream().filter(a -> a.note() != null).toList();
        List<String> others = report.added().stream().filter(a -> a.note() == null).map(SettingsReport.Added::name)
                .toList();
        out.println("New on the target (" + report.added().size() + "), worth reviewing:");
        for (SettingsReport.Added a : noted) {
            out.println("  " + a.name() + (a.version() != null ? " (" + a.version() + ")" : "") + " = " + a.targetValue()
                    + ": " + a.note());
        }
        if (!others.isEmpty()) {
            out.println("  also new: " + String.join(", ", others));
        }
    }
}
