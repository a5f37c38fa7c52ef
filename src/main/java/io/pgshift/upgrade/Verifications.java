package io.pgshift.upgrade;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.verify.SchemaDifference;
import io.pgshift.verify.TableCheck;
import io.pgshift.verify.Verification;
import io.pgshift.verify.VerificationReport;

/** Verifies each migrated database against its source, several databases at once. */
final class Verifications {
    private Verifications() {
    }

    /** Returns how many databases differ; each difference becomes an ERROR finding. */
    static int run(UpgradeOptions options, List<String> databases, ReportBuilder report) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(options.jobs(), databases.size())),
                r -> new Thread(r, "pgshift-verify"));
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (String db : databases) {
                results.add(pool.submit(() -> verify(options, db, report)));
            }
            int failed = 0;
            for (Future<Boolean> f : results) {
                if (!f.get()) {
                    failed++;
                }
            }
            return failed;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PgShiftException(ErrorCode.INTERRUPTED, "interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new PgShiftException(ErrorCode.INTERNAL, "verification failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static boolean verify(UpgradeOptions options, String db, ReportBuilder report) {
        long start = System.nanoTime();
        VerificationReport r = Verification.run(options.source().withDatabase(db), options.target().withDatabase(db));
        for (SchemaDifference d : r.schema()) {
            report.finding(new Finding(Step.VERIFY, Severity.ERROR, Finding.VERIFY_OBJECT_DIFFERS, db, d.describe()));
        }
        for (TableCheck t : r.differentTables()) {
            report.finding(new Finding(Step.VERIFY, Severity.ERROR, Finding.VERIFY_ROWS_DIFFER, db, "table "
                    + t.table() + ": " + t.source().rows() + " rows on the source, " + t.target().rows()
                    + " on the target" + (t.source().rows() == t.target().rows() ? ", with different contents" : "")));
        }
        report.verified(db, r.passed(), Duration.ofNanos(System.nanoTime() - start));
        return r.passed();
    }
}
