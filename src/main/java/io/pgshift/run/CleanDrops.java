package io.pgshift.run;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.pgshift.object.ObjectRef;
import io.pgshift.sql.Sql;
import io.pgshift.plan.Entry;
import io.pgshift.object.Kind;

/**
 * What --clean drops before it creates: the objects about to be created, dependents first (the reverse of the
 * plan's order), so no drop needs CASCADE and nothing the plan does not hold is dropped. What belongs to a table
 * that is dropped too (its indexes, constraints, triggers) goes with it; a foreign key is dropped on its own,
 * first, since it also holds on to the table it references.
 */
final class CleanDrops {
    private CleanDrops() {
    }

    /**
     * One entry per drop, each holding its one statement.
     *
     * @param ifExists whether a missing object is skipped (DROP ... IF EXISTS) or an error
     */
    static List<Entry> of(List<Entry> entries, boolean ifExists) {
        Set<ObjectRef> dropped = new HashSet<>();
        entries.stream().filter(e -> e.drop() != null).forEach(e -> dropped.add(e.ref()));
        List<Entry> drops = new ArrayList<>();
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry e = entries.get(i);
            boolean goesWithTable = e.table() != null && !e.table().equals(e.ref()) && dropped.contains(e.table())
                    && e.kind() != Kind.FOREIGN_KEY;
            // A sequence a table owns goes with that table, which is dropped first, as it was created after it: the
            // sequence's own drop must not fail then.
            if (e.drop() != null && !goesWithTable) {
                boolean mayBeGone = e.kind() == Kind.SEQUENCE;
                drops.add(e.withSql(List.of(ifExists || mayBeGone ? e.drop() : Sql.withoutIfExists(e.drop()))));
            }
        }
        return drops;
    }
}
