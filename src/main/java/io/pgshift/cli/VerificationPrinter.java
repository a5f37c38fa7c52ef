package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pgshift.verify.DatabaseVerification;
import io.pgshift.verify.LargeObjectDifference;
import io.pgshift.verify.SchemaDifference;
import io.pgshift.verify.SequenceCheck;
import io.pgshift.verify.SequencePosition;
import io.pgshift.verify.TableCheck;
import io.pgshift.verify.VerificationReport;

/** Renders a {@link VerificationReport}: each difference on a line of its own, a summary, or JSON. */
final class VerificationPrinter {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private VerificationPrinter() {
    }

    /** Every difference, then one line per database; a single database is reported without its name. */
    static void print(VerificationReport report, PrintWriter out) {
        boolean several = report.databases().size() != 1 || !report.missing().isEmpty();
        for (DatabaseVerification db : report.databases()) {
            String indent = several ? "  " : "";
            if (several) {
                out.println("Database " + db.database() + ": " + (db.passed() ? "equal (" + contents(db) + ")"
                        : plural(db.differenceCount(), "difference")));
            }
            differences(db).forEach(d -> out.println(indent + d.replace("\n", "\n" + indent)));
        }
        report.missing().forEach(d -> out.println(d.describe()));
        report.roles().forEach(d -> out.println(d.describe()));
        report.notCompared().forEach(n -> out.println("Not compared: " + n + "."));
        if (report.passed()) {
            out.println(several
                    ? "The target equals the source: " + plural(report.databases().size(), "database") + ", "
                            + Units.count(report.databases().stream().mapToLong(DatabaseVerification::rows).sum())
                            + " rows."
                    : "The target equals the source in database " + report.databases().get(0).database() + ": "
                            + contents(report.databases().get(0)) + ".");
        }
        out.flush();
    }

    /** One line for the error message of a failed verification. */
    static String summary(VerificationReport report) {
        if (report.databases().size() == 1 && report.missing().isEmpty()) {
            DatabaseVerification db = report.databases().get(0);
            List<String> kinds = new ArrayList<>();
            addCount(kinds, db.schema().size(), "object");
            addCount(kinds, db.differentTables().size(), "table");
            addCount(kinds, db.differentSequences().size(), "sequence");
            addCount(kinds, db.largeObjects().differences().size(), "large object");
            return plural(db.differenceCount(), "difference") + " in database " + db.database() + ": "
                    + String.join(", ", kinds);
        }
        List<String> failed = report.databases().stream().filter(d -> !d.passed()).map(DatabaseVerification::database)
                .toList();
        List<String> parts = new ArrayList<>();
        if (!failed.isEmpty()) {
            parts.add("in database" + (failed.size() == 1 ? " " : "s ") + String.join(", ", failed));
        }
        if (!report.missing().isEmpty()) {
            parts.add(plural(report.missing().size(), "database") + " on one server only");
        }
        if (!report.roles().isEmpty()) {
            parts.add(plural(report.roles().size(), "role"));
        }
        return plural(report.differenceCount(), "difference") + ": " + String.join("; ", parts);
    }

    /** The report as JSON, with each database's verdict and the overall one added. */
    static String json(VerificationReport report) {
        ObjectNode root = JSON.valueToTree(report);
        root.put("passed", report.passed());
        for (int i = 0; i < report.databases().size(); i++) {
            ((ObjectNode) root.withArray("databases").get(i)).put("passed", report.databases().get(i).passed());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a verification report is plain data and always serializable", e);
        }
    }

    private static List<String> differences(DatabaseVerification db) {
        List<String> lines = new ArrayList<>();
        db.schema().stream().map(SchemaDifference::describe).forEach(lines::add);
        for (TableCheck t : db.differentTables()) {
            lines.add("TABLE DATA " + t.table() + ": " + Units.count(t.source().rows()) + " rows on the source, "
                    + Units.count(t.target().rows()) + " on the target"
                    + (t.source().rows() == t.target().rows() ? ", with different contents" : ""));
        }
        for (SequenceCheck s : db.differentSequences()) {
            lines.add("SEQUENCE " + s.sequence() + ": at " + position(s.source()) + " on the source, "
                    + position(s.target()) + " on the target");
        }
        db.largeObjects().differences().stream().map(LargeObjectDifference::describe).forEach(lines::add);
        return lines;
    }

    private static String contents(DatabaseVerification db) {
        return "every object, " + plural(db.tables().size(), "table") + " with " + Units.count(db.rows()) + " rows, "
                + plural(db.sequences().size(), "sequence") + " and "
                + plural(db.largeObjects().sourceCount(), "large object");
    }

    private static String position(SequencePosition p) {
        return "last_value " + p.lastValue() + (p.isCalled() ? " (called)" : " (not yet called)");
    }

    private static void addCount(List<String> parts, int n, String what) {
        if (n > 0) {
            parts.add(plural(n, what));
        }
    }

    private static String plural(long n, String what) {
        return Units.count(n) + " " + what + (n == 1 ? "" : "s");
    }
}
