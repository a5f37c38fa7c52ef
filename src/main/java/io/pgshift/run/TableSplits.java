package io.pgshift.run;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.Table;
import io.pgshift.data.CopyFormat;
import io.pgshift.data.TableCopier;
import io.pgshift.data.TableRanges;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;
import io.pgshift.object.Kind;
import io.pgshift.object.Rows;

/**
 * Same-table parallelism: a table larger than a threshold is copied as several ranges at once. Each range
 * becomes a {@link DataKinds#TABLE_PART} entry; the table's own {@link DataKinds#TABLE} entry stays in the plan
 * as a marker that waits for all of them, so the table's indexes and constraints, which wait for that entry,
 * still start only once every row is in. The marker adds its parts up into one result for the table.
 */
final class TableSplits {
    private final Map<Long, Tally> tallies = new ConcurrentHashMap<>();

    /**
     * The DATA entries with every table above {@code threshold} bytes cut into at most {@code parts} ranges.
     * A threshold of 0 or fewer than two parts cuts nothing. Reads key bounds on {@code leader}, which must be
     * in the snapshot the parts will join.
     */
    List<Entry> expand(List<Entry> data, Map<Long, Table> byOid, Connection leader, ServerVersion version,
                       long threshold, int parts) throws SQLException {
        if (threshold <= 0 || parts < 2) {
            return data;
        }
        List<Entry> expanded = new ArrayList<>();
        for (Entry e : data) {
            Table table = e.kind() == Kind.TABLE_DATA ? byOid.get(e.ref().oid()) : null;
            List<String> ranges = table != null && table.bytes() > threshold
                    ? TableRanges.split(leader, version, table, parts) : List.of();
            if (ranges.isEmpty()) {
                expanded.add(e);
                continue;
            }
            ObjectRef partsRef = ObjectRef.partsOf(table.oid());
            for (int i = 0; i < ranges.size(); i++) {
                expanded.add(new Entry(partsRef, Kind.TABLE_DATA_PART,
                        e.name() + " (part " + (i + 1) + " of " + ranges.size() + ")", Section.DATA, List.of(),
                        e.dependsOn(), e.table()).withRows(new Rows.Range(ranges.get(i))));
            }
            Set<ObjectRef> markerDependsOn = new HashSet<>(e.dependsOn());
            markerDependsOn.add(partsRef);
            expanded.add(new Entry(e.ref(), e.kind(), e.name(), e.section(), e.sql(), Set.copyOf(markerDependsOn),
                    e.table()));
            tallies.put(table.oid(), new Tally(ranges.size(), CopyFormat.choose(leader, table.oid())));
        }
        return expanded;
    }

    /** The running sums of a split table's parts, or null when the table is copied whole. */
    Tally tally(long tableOid) {
        return tallies.get(tableOid);
    }

    /** Rows, bytes and wall time of a split table's parts, added up as they finish on different workers. */
    static final class Tally {
        private final int parts;
        /** The COPY format every part reads and writes in. */
        private final String format;
        private long rows;
        private long bytes;
        private long firstStart = Long.MAX_VALUE;
        private long lastEnd = Long.MIN_VALUE;

        private Tally(int parts, String format) {
            this.parts = parts;
            this.format = format;
        }

        String format() {
            return format;
        }

        synchronized void partDone(TableCopier.Result r, long startNanos, long endNanos) {
            rows += r.rows();
            bytes += r.bytes();
            firstStart = Math.min(firstStart, startNanos);
            lastEnd = Math.max(lastEnd, endNanos);
        }

        int parts() {
            return parts;
        }

        synchronized TableCopier.Result total() {
            return new TableCopier.Result(rows, bytes);
        }

        /** From the first part's start to the last part's end: the table's wall time, not the sum of its parts. */
        synchronized Duration wallTime() {
            return firstStart == Long.MAX_VALUE ? Duration.ZERO : Duration.ofNanos(lastEnd - firstStart);
        }
    }
}
