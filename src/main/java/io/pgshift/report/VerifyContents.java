package io.pgshift.report;

import java.util.ArrayList;
import java.util.List;

import io.pgshift.verify.DatabaseVerification;
import io.pgshift.verify.LargeObjectDifference;
import io.pgshift.verify.SchemaDifference;
import io.pgshift.verify.SequenceCheck;
import io.pgshift.verify.TableCheck;
import io.pgshift.verify.VerificationReport;

/** What a verification adds to its report: each database's verdict and every difference. */
public final class VerifyContents {
    private VerifyContents() {
    }

    /** @param json the verification as `verify --json` prints it, for the JSON report */
    public static Contents of(VerificationReport report, Object json) {
        List<List<String>> verdicts = new ArrayList<>();
        List<List<String>> differences = new ArrayList<>();
        for (DatabaseVerification d : report.databases()) {
            verdicts.add(List.of(d.database(), d.passed() ? "passed" : "failed", Html.count(d.tables().size()),
                    Html.count(d.rows()), Html.count(d.sequences().size()),
                    Html.count(d.largeObjects().sourceCount()), Html.count(d.differenceCount())));
            for (String line : differences(d)) {
                differences.add(List.of(d.database(), line));
            }
        }
        for (SchemaDifference s : report.missing()) {
            differences.add(List.of("", s.describe()));
        }
        for (SchemaDifference s : report.roles()) {
            differences.add(List.of("", s.describe()));
        }
        String notCompared = report.notCompared().isEmpty() ? null
                : "Not compared: " + String.join("; ", report.notCompared()) + ".";
        return Contents.of(json, List.of(
                new Section("Verification", notCompared, List.of("Database", "Result", "Tables", "Rows", "Sequences",
                        "Large objects", "Differences"), verdicts),
                new Section("Differences", null, List.of("Database", "Difference"), differences)));
    }

    private static List<String> differences(DatabaseVerification d) {
        List<String> lines = new ArrayList<>();
        d.schema().forEach(s -> lines.add(s.describe()));
        for (TableCheck t : d.differentTables()) {
            lines.add("TABLE DATA " + t.table() + ": " + Html.count(t.source().rows()) + " rows on the source, "
                    + Html.count(t.target().rows()) + " on the target"
                    + (t.source().rows() == t.target().rows() ? ", with different contents" : ""));
        }
        for (SequenceCheck s : d.differentSequences()) {
            lines.add("SEQUENCE " + s.sequence() + ": last_value " + s.source().lastValue() + " on the source, "
                    + s.target().lastValue() + " on the target");
        }
        d.largeObjects().differences().stream().map(LargeObjectDifference::describe).forEach(lines::add);
        return lines;
    }
}
