package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.Map;

import io.pgshift.run.CopyResult;
import io.pgshift.run.PhaseResult;
import io.pgshift.run.TableResult;

/** The end-of-run summary: what was created, how much moved, and where the time went. */
final class SummaryPrinter {
    private static final int LARGEST_TABLES = 5;

    private SummaryPrinter() {
    }

    static void print(CopyResult r, PrintWriter out) {
        out.println();
        out.println("Copied " + r.source() + " (PostgreSQL " + r.sourceVersion() + ") to " + r.target()
                + " (PostgreSQL " + r.targetVersion() + ")" + (r.createdDatabase() ? ", database created" : ""));
        StringBuilder objects = new StringBuilder();
        for (Map.Entry<String, Integer> e : r.objects().entrySet()) {
            objects.append(objects.length() == 0 ? "" : ", ").append(e.getValue()).append(' ')
                    .append(e.getKey().toLowerCase(java.util.Locale.ROOT));
        }
        out.println("  objects: " + objects);
        out.println("  data:    " + Units.count(r.rows()) + " rows, " + Units.bytes(r.bytes()) + " in "
                + r.tables().size() + " tables");
        out.println("  phases:");
        for (PhaseResult p : r.phases()) {
            out.printf("    %-24s %10s%n", p.phase().label(), Units.duration(p.took()));
        }
        if (!r.tables().isEmpty()) {
            out.println("  slowest tables:");
            for (TableResult t : r.tables().subList(0, Math.min(LARGEST_TABLES, r.tables().size()))) {
                out.printf("    %-40s %12s rows %10s  copy %9s  indexes %9s%s%n", t.table(), Units.count(t.rows()),
                        Units.bytes(t.bytes()), Units.duration(t.copyTime()), Units.duration(t.indexTime()),
                        t.parts() > 1 ? "  in " + t.parts() + " parts" : "");
            }
        }
        if (!r.warnings().isEmpty()) {
            out.println("  warnings: " + r.warnings().size());
            r.warnings().forEach(w -> out.println("    " + w));
        }
        out.flush();
    }
}
