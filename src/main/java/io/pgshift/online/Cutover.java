package io.pgshift.online;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.Errors;
import io.pgshift.PgShiftException;
import io.pgshift.connect.Connections;
import io.pgshift.connect.Connector;
import io.pgshift.progress.ProgressListener;
import io.pgshift.verify.DatabaseVerification;
import io.pgshift.verify.SchemaComparison;
import io.pgshift.verify.SchemaDifference;
import io.pgshift.verify.Verification;
import io.pgshift.verify.VerificationReport;
import io.pgshift.verify.VerifyOptions;

/**
 * {@code pgshift cutover}: the target becomes the primary, in these steps, each logged with its duration.
 * <ol>
 * <li>Refuse if the source's schema changed since the copy, naming the objects: DDL is not replicated. This is
 * done before the writes stop, so that a refusal costs the application nothing; a change made after it is found
 * by the verification, which compares the schemas too.</li>
 * <li>Stop the application's writes on the source ({@link WriteStop}).</li>
 * <li>Wait until the target has applied everything up to the source's WAL position of then.</li>
 * <li>Set every sequence to the source's value ({@link SequenceSync}).</li>
 * <li>Copy the large objects that changed ({@link LargeObjectSync}).</li>
 * <li>Verify: row counts and hashes of every table, in parallel.</li>
 * <li>Drop the subscription, the slot and the publication.</li>
 * </ol>
 * A failure before the drops makes the source writable again and leaves the online copy following, so that the
 * cutover can be tried again, or the online copy aborted.
 */
public final class Cutover {
    private final CutoverOptions options;
    private final ProgressListener listener;
    private final List<CutoverResult.Step> steps = new ArrayList<>();
    /** Whether the replication was dropped and the target is the primary: nothing is undone after that. */
    private boolean handedOver;
    /** The step running, for the message of a failure. */
    private String current = "start";

    public Cutover(CutoverOptions options, ProgressListener listener) {
        this.options = options;
        this.listener = listener;
    }

    public CutoverResult run() {
        Connection source = null;
        Connection target = null;
        WriteStop stop = null;
        try {
            source = Sessions.writer(options.source());
            target = Sessions.writer(options.target());
            Connection s = source;
            Connection t = target;
            String name = Sessions.name(source);
            FollowStatus before = new StatusReader(name).read(source, target);
            if (!Subscription.exists(target, name)) {
                throw new PgShiftException(ErrorCode.ONLINE_NOT_READY, "the target " + options.target().describe()
                        + " has no subscription " + name + ": it does not follow this source; run pgshift abort to "
                        + "remove the slot and publication left on the source");
            }
            refuseChangedSchema();
            long stopped = System.nanoTime();
            List<String> said = new ArrayList<>();
            stop = step("stop writes", () -> WriteStop.stop(s, options.stopWrites(), said),
                    w -> options.stopWrites() == StopWrites.NONE ? "left to the user (--stop-writes none)"
                            : String.join("; ", said));
            String lsn = Statements.text(source, "SELECT pg_catalog.pg_current_wal_lsn()::text");
            step("catch up", () -> awaitApplied(s, name, lsn), waited -> "the target applied the source's WAL up "
                    + "to " + lsn + "; it was " + before.lagBytes() + " bytes behind before the stop");
            step("sequences", () -> SequenceSync.run(s, t),
                    n -> SourceReadiness.count(n, "sequence") + " set to the source's position");
            step("large objects", () -> LargeObjectSync.run(s, t),
                    n -> SourceReadiness.count(n, "large object") + " made again");
            Duration writeStop;
            if (options.verifyAt() == VerifyAt.BEFORE_HANDOVER) {
                step("verify", () -> verify(null), report -> report.databases().stream()
                        .mapToInt(d -> d.tables().size()).sum() + " tables compared by row count and hash: equal");
                writeStop = Duration.ofNanos(System.nanoTime() - stopped);
                step("drop replication", () -> dropReplication(s, t, name),
                        n -> "subscription, replication slot and publication " + name + " dropped");
            } else {
                // The replication goes first: dropping it gives tables their identity back, which the snapshot
                // below must already show. Nothing can write to the target yet: the application is told next.
                step("drop replication", () -> dropReplication(s, t, name),
                        n -> "subscription, replication slot and publication " + name + " dropped");
                // Past the point of no return: the target no longer follows, so the source stays as it is.
                stop = null;
                handedOver = true;
                // The target as it is at the handover, held for the verification that follows it.
                try (Connection handover = Connector.open(options.target())) {
                    io.pgshift.data.SessionSettings.applySource(handover,
                            io.pgshift.catalog.CatalogReader.versionOf(handover));
                    String snapshot = io.pgshift.data.Snapshot.export(handover);
                    writeStop = Duration.ofNanos(System.nanoTime() - stopped);
                    listener.info("cutover: the target is ready after " + writeStop.toMillis() + " ms of write stop:"
                            + " point the application at " + options.target().describe() + "; verifying it as it "
                            + "was at the handover");
                    step("verify", () -> verify(snapshot), report -> report.databases().stream()
                            .mapToInt(d -> d.tables().size()).sum() + " tables compared by row count and hash, the "
                            + "target as it was at the handover: equal");
                }
            }
            return new CutoverResult(name, List.copyOf(steps), writeStop, options.target().describe(),
                    Statements.text(s, "SELECT pg_catalog.current_database()"));
        } catch (SQLException | RuntimeException e) {
            if (stop == null || !stop.stopped()) {
                if (e instanceof PgShiftException p) {
                    throw p;
                }
                throw new PgShiftException(ErrorCode.CUTOVER_FAILED, "cutover failed at step \"" + current + "\": "
                        + Errors.firstLine(e) + (handedOver ? "; the target had been handed over already, and the "
                                + "source stays read-only" : "; the source was not changed"), e);
            }
            String writable;
            try {
                stop.undo();
                writable = "; the source database " + stop.database() + " is writable again and the target still "
                        + "follows it";
            } catch (SQLException undo) {
                writable = "; the source database " + stop.database() + " could NOT be made writable again ("
                        + Errors.firstLine(undo) + "): run ALTER DATABASE " + stop.database()
                        + " RESET default_transaction_read_only";
            }
            String reason = e instanceof PgShiftException ? e.getMessage() : Errors.firstLine(e);
            throw new PgShiftException(ErrorCode.CUTOVER_FAILED, "cutover failed at step \"" + current + "\": "
                    + reason + writable, e);
        } finally {
            Connections.closeQuietly(source);
            Connections.closeQuietly(target);
        }
    }

    private interface Work<T> {
        T run() throws SQLException;
    }

    private interface Describe<T> {
        String of(T result);
    }

    /** Runs one step, and records and says what it did and how long it took. */
    private <T> T step(String name, Work<T> work, Describe<T> describe) throws SQLException {
        current = name;
        long start = System.nanoTime();
        T result = work.run();
        CutoverResult.Step step = new CutoverResult.Step(name, describe.of(result),
                Duration.ofNanos(System.nanoTime() - start));
        steps.add(step);
        listener.info("cutover: " + name + ": " + step.detail() + " (" + step.took().toMillis() + " ms)");
        return result;
    }

    private static Integer dropReplication(Connection source, Connection target, String name) throws SQLException {
        Subscription.drop(target, name);
        Slot.drop(source, name, Duration.ofSeconds(30));
        Publication.remove(source, target, name);
        return 0;
    }

    /** DDL is not replicated: a schema that changed since the copy would lose what the change carries. */
    private void refuseChangedSchema() throws SQLException {
        List<SchemaDifference> differences;
        // Sessions of their own: the comparison makes its sessions read-only.
        try (Connection source = Connector.open(options.source());
             Connection target = Connector.open(options.target())) {
            differences = OwnChanges.without(SchemaComparison.compare(source, target));
        }
        if (!differences.isEmpty()) {
            throw new PgShiftException(ErrorCode.CUTOVER_FAILED, "the source's schema changed since the online copy "
                    + "started, and logical replication does not carry DDL: " + SourceReadiness.names(
                            differences.stream().map(SchemaDifference::object).toList())
                    + " differ; make the same change on the target, then run the cutover again");
        }
    }

    private Duration awaitApplied(Connection source, String name, String lsn) throws SQLException {
        long start = System.nanoTime();
        long deadline = System.nanoTime() + options.catchUp().toNanos();
        while (true) {
            boolean applied = Statements.first(source, "SELECT pg_catalog.pg_wal_lsn_diff(confirmed_flush_lsn, ?::pg_lsn)"
                    + " >= 0 FROM pg_catalog.pg_replication_slots WHERE slot_name = ?", rs -> rs.getBoolean(1), lsn,
                    name).orElseThrow(() -> new PgShiftException(ErrorCode.CUTOVER_FAILED, "the replication slot "
                            + name + " went away"));
            if (applied) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
            if (System.nanoTime() > deadline) {
                throw new PgShiftException(ErrorCode.CUTOVER_FAILED, "the target did not apply the source's changes "
                        + "up to " + lsn + " within " + options.catchUp().toSeconds() + " s (--catch-up-timeout); "
                        + "see pgshift status for its lag");
            }
            Connections.sleep(100);
        }
    }

    /** @param targetSnapshot the target as at the handover, or null for the target as it is (writes stopped) */
    private VerificationReport verify(String targetSnapshot) {
        VerificationReport report = Verification.run(options.source(), options.target(),
                new VerifyOptions(options.verifyJobs(), VerifyOptions.DEFAULT_SPLIT_THRESHOLD, 0), targetSnapshot,
                listener);
        DatabaseVerification found = report.databases().get(0);
        DatabaseVerification d = new DatabaseVerification(found.database(), OwnChanges.without(found.schema()),
                found.tables(), found.sequences(), found.largeObjects());
        if (!d.passed()) {
            List<String> differences = new ArrayList<>();
            d.schema().forEach(x -> differences.add(x.object()));
            d.differentTables().forEach(x -> differences.add("rows of " + x.table()));
            d.differentSequences().forEach(x -> differences.add("sequence " + x.sequence()));
            d.largeObjects().differences().forEach(x -> differences.add("large object " + x.oid()));
            if (targetSnapshot != null) {
                throw new PgShiftException(ErrorCode.VERIFICATION_FAILED, "the target was handed over, but as it was "
                        + "then it differs from the source: " + SourceReadiness.names(differences) + "; the source "
                        + "stays read-only and still holds the rows to copy again");
            }
            throw new PgShiftException(ErrorCode.CUTOVER_FAILED, "the target differs from the source after catching"
                    + " up: " + SourceReadiness.names(differences));
        }
        return report;
    }
}
