package io.pgshift.upgrade;

import java.time.Duration;
import java.util.List;

import io.pgshift.verify.DatabaseVerification;
import io.pgshift.verify.LargeObjectDifference;
import io.pgshift.verify.SchemaDifference;
import io.pgshift.verify.SequenceCheck;
import io.pgshift.verify.TableCheck;
import io.pgshift.verify.Verification;
import io.pgshift.verify.VerifyOptions;

/**
 * Verifies each migrated database against its source, one database after the other, each with {@code --jobs}
 * tables hashed at once on both servers: the parallelism of `pgshift verify`, with each database's time reported.
 */
final class Verifications {
    private Verifications() {
    }

    /** Returns how many databases differ; each difference becomes an ERROR finding. */
    static int run(UpgradeOptions options, List<String> databases, ReportBuilder report) {
        VerifyOptions verify = new VerifyOptions(options.jobs(), VerifyOptions.DEFAULT_SPLIT_THRESHOLD, 0);
        int failed = 0;
        for (String db : databases) {
            long start = System.nanoTime();
            for (DatabaseVerification d : Verification.run(options.source().withDatabase(db),
                    options.target().withDatabase(db), verify).databases()) {
                findings(d, report);
                report.verified(db, d.passed(), Duration.ofNanos(System.nanoTime() - start));
                if (!d.passed()) {
                    failed++;
                }
            }
        }
        return failed;
    }

    private static void findings(DatabaseVerification d, ReportBuilder report) {
        String db = d.database();
        for (SchemaDifference s : d.schema()) {
            report.finding(new Finding(Step.VERIFY, Severity.ERROR, Finding.VERIFY_OBJECT_DIFFERS, db, s.describe()));
        }
        for (TableCheck t : d.differentTables()) {
            report.finding(new Finding(Step.VERIFY, Severity.ERROR, Finding.VERIFY_ROWS_DIFFER, db, "TABLE DATA "
                    + t.table() + ": " + t.source().rows() + " rows on the source, " + t.target().rows()
                    + " on the target" + (t.source().rows() == t.target().rows() ? ", with different contents" : "")));
        }
        for (SequenceCheck s : d.differentSequences()) {
            report.finding(new Finding(Step.VERIFY, Severity.ERROR, Finding.VERIFY_SEQUENCE_DIFFERS, db, "SEQUENCE "
                    + s.sequence() + ": last_value " + s.source().lastValue() + " on the source, "
                    + s.target().lastValue() + " on the target"));
        }
        for (LargeObjectDifference l : d.largeObjects().differences()) {
            report.finding(new Finding(Step.VERIFY, Severity.ERROR, Finding.VERIFY_LARGE_OBJECT_DIFFERS, db,
                    l.describe()));
        }
    }
}
