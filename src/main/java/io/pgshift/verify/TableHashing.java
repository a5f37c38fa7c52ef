package io.pgshift.verify;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import io.pgshift.catalog.Column;
import io.pgshift.catalog.Table;
import io.pgshift.data.TableRanges;
import io.pgshift.progress.Phase;
import io.pgshift.progress.Progress;
import io.pgshift.progress.ProgressListener;

/**
 * Hashes every table that both databases hold, on both servers at once, largest first, {@code jobs} tables in
 * flight. A table larger than the split threshold is hashed in ranges, several at once, and the ranges'
 * fingerprints are added up.
 * <p>
 * Each server cuts its own copy of a table, with {@link TableRanges} as copy does: ctid ranges from PostgreSQL
 * 14, ranges of an integer primary key before. The two servers' ranges need not match, and do not for ctid
 * ranges, since the same row sits on different pages on each server. They need not: a row hash sum over any set
 * of ranges that holds every row exactly once equals the sum over the whole table, so a source cut by key and a
 * target cut by ctid still give equal fingerprints when their rows are equal. TableRanges guarantees exactly
 * once: its ranges are half-open and the first and last are open-ended.
 * <p>
 * Only columns both copies of a table have are hashed, by name, in the source's order; a column missing on one
 * side is a schema difference, reported there.
 */
final class TableHashing {
    private TableHashing() {
    }

    private record Pending(String table, List<CompletableFuture<Fingerprint>> source,
                           List<CompletableFuture<Fingerprint>> target) {
    }

    static List<TableCheck> run(SideSnapshot source, SideSnapshot target, ParallelReads reads,
                                Map<String, Table> sourceTables, Map<String, Table> targetTables,
                                VerifyOptions options, ProgressListener listener) throws SQLException {
        List<Table> tables = sourceTables.values().stream().filter(t -> targetTables.containsKey(t.displayName()))
                .sorted(Comparator.comparingLong(Table::bytes).reversed()).toList();
        Progress progress = new Progress(Phase.VERIFY, tables.size(), tables.stream().mapToLong(Table::bytes).sum());
        listener.phaseStarted(progress);
        List<Pending> pending = new ArrayList<>();
        for (Table s : tables) {
            Table t = targetTables.get(s.displayName());
            Set<String> targetNames = t.columns().stream().map(Column::name).collect(Collectors.toSet());
            List<Column> sourceColumns = s.columns().stream().filter(c -> targetNames.contains(c.name())).toList();
            Map<String, Column> byName = t.columns().stream().collect(Collectors.toMap(Column::name, c -> c));
            List<Column> targetColumns = sourceColumns.stream().map(c -> byName.get(c.name())).toList();
            boolean big = options.splitThreshold() > 0 && s.bytes() > options.splitThreshold();
            List<String> sourceRanges = big ? ranges(source, s, options) : whole();
            List<String> targetRanges = big ? ranges(target, t, options) : whole();
            Pending p = new Pending(s.displayName(),
                    submit(sourceRanges, s, (what, range) -> reads.onSource(what,
                            c -> RowHasher.fingerprint(c, s, sourceColumns, range))),
                    submit(targetRanges, t, (what, range) -> reads.onTarget(what,
                            c -> RowHasher.fingerprint(c, t, targetColumns, range))));
            pending.add(p);
            long started = System.nanoTime();
            List<CompletableFuture<Fingerprint>> both = new ArrayList<>(p.source());
            both.addAll(p.target());
            // Progress only: a failure is reported where the fingerprints are awaited below.
            CompletableFuture.allOf(both.toArray(CompletableFuture[]::new)).thenRun(() -> {
                long rows = p.source().stream().mapToLong(f -> f.join().rows()).sum();
                progress.addBytes(s.bytes());
                progress.itemDone(rows);
                listener.itemDone(progress, s.displayName(), rows, s.bytes(),
                        java.time.Duration.ofNanos(System.nanoTime() - started));
            });
        }
        List<TableCheck> checks = new ArrayList<>();
        for (Pending p : pending) {
            checks.add(new TableCheck(p.table(), sum(reads, p.source()), sum(reads, p.target()), p.source().size(),
                    p.target().size()));
        }
        listener.phaseFinished(progress);
        return checks;
    }

    private interface Submit {
        CompletableFuture<Fingerprint> submit(String what, String range);
    }

    private static List<CompletableFuture<Fingerprint>> submit(List<String> ranges, Table table, Submit submit) {
        List<CompletableFuture<Fingerprint>> futures = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            String what = "the rows of " + table.displayName()
                    + (ranges.size() > 1 ? " (range " + (i + 1) + " of " + ranges.size() + ")" : "");
            futures.add(submit.submit(what, ranges.get(i)));
        }
        return futures;
    }

    /** The ranges a server cuts its copy of the table into, read on its leader, inside its snapshot. */
    private static List<String> ranges(SideSnapshot side, Table table, VerifyOptions options) throws SQLException {
        List<String> ranges = TableRanges.split(side.leader(), side.version(), table, options.parts());
        return ranges.isEmpty() ? whole() : ranges;
    }

    private static List<String> whole() {
        return Arrays.asList((String) null);
    }

    private static Fingerprint sum(ParallelReads reads, List<CompletableFuture<Fingerprint>> parts)
            throws SQLException {
        Fingerprint total = Fingerprint.EMPTY;
        for (CompletableFuture<Fingerprint> part : parts) {
            total = total.plus(reads.await(part));
        }
        return total;
    }
}
