package io.pgshift.run;

import java.util.EnumSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.Table;
import io.pgshift.plan.Entry;
import io.pgshift.plan.Plan;
import io.pgshift.object.Section;
import io.pgshift.object.Kind;

/**
 * Builds the keys and indexes of small tables with the tables themselves. Indexes wait for a table's rows
 * because sorting once is cheaper than maintaining an index row by row; for a table of a few pages the
 * difference is nothing, while a schema of thousands of small tables paid one round trip and one
 * transaction per index after its data. Folded into the table's own entry, they go in the schema's parallel
 * batches instead.
 * <p>
 * Only plain indexes, primary keys and unique constraints of ordinary tables (not partitioned, not
 * partitions) qualify, and only when everything they need is created before the table.
 */
final class SmallTableIndexes {
    /** Tables up to this size (on the source's disk) get their indexes before their rows. */
    static final long SMALL_TABLE_BYTES = 1L << 20;
    private static final Set<Kind> FOLDED_KINDS = EnumSet.of(Kind.INDEX, Kind.PRIMARY_KEY, Kind.UNIQUE);

    /** The plan with the folded entries gone, and the refs of those entries, which then exist with their table. */
    record Folded(Plan plan, Set<ObjectRef> refs) {
    }

    private SmallTableIndexes() {
    }

    static Folded fold(Plan plan, Map<Long, Table> tables) {
        List<Entry> entries = plan.entries();
        Map<ObjectRef, Integer> position = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            position.putIfAbsent(entries.get(i).ref(), i);
        }
        Map<ObjectRef, List<Entry>> byTable = new LinkedHashMap<>();
        for (Entry e : entries) {
            if (e.section() == Section.POST_DATA && FOLDED_KINDS.contains(e.kind()) && e.table() != null
                    && foldable(e, tables.get(e.table().oid()), position)) {
                byTable.computeIfAbsent(e.table(), k -> new ArrayList<>()).add(e);
            }
        }
        if (byTable.isEmpty()) {
            return new Folded(plan, Set.of());
        }
        Set<ObjectRef> folded = new HashSet<>();
        List<Entry> result = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            List<Entry> indexes = e.section() == Section.PRE_DATA && e.kind() == Kind.TABLE
                    ? byTable.get(e.ref()) : null;
            if (indexes != null) {
                List<String> sql = new ArrayList<>(e.sql());
                Set<ObjectRef> dependsOn = new HashSet<>(e.dependsOn());
                for (Entry index : indexes) {
                    sql.addAll(index.sql());
                    dependsOn.addAll(ownNeeds(index));
                    folded.add(index.ref());
                }
                dependsOn.remove(e.ref());
                result.add(e.withSql(List.copyOf(sql)).withDependsOn(Set.copyOf(dependsOn)));
            } else if (!(e.section() == Section.POST_DATA && folded.contains(e.ref())
                    && FOLDED_KINDS.contains(e.kind()))) {
                // Every table comes before every index, so its indexes are known as folded by now.
                result.add(e);
            }
        }
        return new Folded(new Plan(result), Set.copyOf(folded));
    }

    private static boolean foldable(Entry index, Table table, Map<ObjectRef, Integer> position) {
        if (table == null || table.bytes() > SMALL_TABLE_BYTES || table.layout().isPartitioned()
                || table.layout().isPartition()) {
            return false;
        }
        Integer tableAt = position.get(table.ref());
        if (tableAt == null) {
            return false;
        }
        for (ObjectRef need : ownNeeds(index)) {
            // What the plan does not hold exists already (built in, or left out on purpose), as for the planner.
            Integer at = position.get(need);
            if (at != null && at >= tableAt) {
                return false;
            }
        }
        return true;
    }

    /** What an index needs besides its table and the table's rows. */
    private static Set<ObjectRef> ownNeeds(Entry index) {
        Set<ObjectRef> needs = new HashSet<>(index.dependsOn());
        needs.remove(index.table());
        needs.remove(ObjectRef.dataOf(index.table().oid()));
        needs.remove(index.ref());
        return needs;
    }
}
