package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.pgshift.run.CopyResult;
import io.pgshift.run.PhaseResult;
import io.pgshift.run.TableResult;

/**
 * The end-of-run summary: what was created, how much moved, and where the time went. It fits an 80-column terminal:
 * the two ends go on two lines, the counts wrap, a table name too long for its column goes on a line of its own,
 * and warnings wrap at the width when standard output is a terminal (in a file they stay one line each, for grep).
 */
final class SummaryPrinter {
    private static final int LARGEST_TABLES = 5;
    static final int WIDTH = 80;
    /** The table column of the slowest tables; a longer name gets a line of its own. */
    private static final int NAME = 24;

    private SummaryPrinter() {
    }

    static void print(CopyResult r, PrintWriter out) {
        print(r, out, Terminal.detectOnStandardOutput().present());
    }

    static void print(CopyResult r, PrintWriter out, boolean wrapWarnings) {
        out.println();
        out.println("Copied " + r.source() + " (PostgreSQL " + r.sourceVersion() + ")");
        out.println("    to " + r.target() + " (PostgreSQL " + r.targetVersion() + ")");
        if (r.createdDatabase()) {
            out.println("  created the target database");
        }
        List<String> objects = new ArrayList<>();
        for (Map.Entry<String, Integer> e : r.objects().entrySet()) {
            objects.add(e.getValue() + " " + plural(e.getKey().toLowerCase(Locale.ROOT), e.getValue()));
        }
        wrap(out, "  objects: ", objects, ", ", WIDTH);
        out.println("  data:    " + Units.count(r.rows()) + " rows, " + Units.bytes(r.bytes()) + " in "
                + r.tables().size() + (r.tables().size() == 1 ? " table" : " tables"));
        out.println("  phases:");
        for (PhaseResult p : r.phases()) {
            out.printf("    %-24s %10s%n", p.phase().label(), Units.duration(p.took()));
        }
        if (!r.tables().isEmpty()) {
            out.printf("  %-" + (NAME + 2) + "s %11s %9s %8s %8s%n", "slowest tables:", "rows", "size", "copy",
                    "indexes");
            for (TableResult t : r.tables().subList(0, Math.min(LARGEST_TABLES, r.tables().size()))) {
                String name = t.table();
                if (name.length() > NAME) {
                    out.println("    " + name);
                    name = "";
                }
                out.printf("    %-" + NAME + "s %11s %9s %8s %8s%s%n", name, Units.count(t.rows()),
                        Units.bytes(t.bytes()), Units.duration(t.copyTime()), Units.duration(t.indexTime()),
                        t.parts() > 1 ? "  in " + t.parts() + " parts" : "");
            }
        }
        if (!r.warnings().isEmpty()) {
            out.println("  warnings: " + r.warnings().size());
            r.warnings().forEach(w -> wrap(out, "    ", List.of(w.split(" ")), " ",
                    wrapWarnings ? WIDTH : Integer.MAX_VALUE));
        }
        out.flush();
    }

    /** A kind's name as a count of it reads: 1 index, 3 indexes, 2 policies, 2 statistics. */
    static String plural(String kind, int count) {
        if (count == 1 || kind.endsWith("s")) {
            return kind;
        }
        if (kind.endsWith("x")) {
            return kind + "es";
        }
        if (kind.endsWith("y") && !kind.endsWith("ey")) {
            return kind.substring(0, kind.length() - 1) + "ies";
        }
        return kind + "s";
    }

    /**
     * The parts joined by the separator after the first line's prefix, a new line (indented as far as the prefix)
     * before a part that would pass the width.
     */
    static void wrap(PrintWriter out, String prefix, List<String> parts, String separator, int width) {
        String indent = " ".repeat(prefix.length());
        StringBuilder line = new StringBuilder(prefix);
        String glue = separator.stripTrailing();
        for (int i = 0; i < parts.size(); i++) {
            String part = parts.get(i) + (i < parts.size() - 1 ? glue : "");
            boolean first = line.length() == prefix.length();
            if (!first && line.length() + 1 + part.length() > width) {
                out.println(line);
                line = new StringBuilder(indent);
                first = true;
            }
            line.append(first ? "" : " ").append(part);
        }
        out.println(line);
    }
}
