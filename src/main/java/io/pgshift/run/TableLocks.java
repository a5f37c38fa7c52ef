package io.pgshift.run;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.object.ObjectRef;
import io.pgshift.plan.Entry;
import io.pgshift.object.Kind;

/**
 * Which steps after the rows must not run at the same time, as pg_restore keeps them apart. A foreign key, a CHECK
 * added later, a trigger or a rule takes a strong lock on every table it names, and on a partitioned table on its
 * partitions too, one after the other. Two of them that meet on a table, say a foreign key of a partitioned table
 * and another of one of its partitions, can take those locks in opposite orders: the server then ends one as a
 * deadlock's victim, and it may lose again on every retry. So such a step starts only when no running step touches
 * a table of its family (a table, its partitions and inheritance children, and its parents); index builds, which
 * take SHARE locks that do not conflict with one another, still run side by side.
 */
final class TableLocks {
    /** Kinds whose statements take locks that conflict with other steps' on the same tables. */
    private static final Set<Kind> EXCLUSIVE = EnumSet.of(Kind.FOREIGN_KEY, Kind.CHECK, Kind.CHECK_CONSTRAINT, Kind.TRIGGER, Kind.RULE);
    private static final Set<String> TABLE_REFS = Set.of("pg_class", ObjectRef.DATA, ObjectRef.DATA_PARTS);

    /** A table's oid to the oid that stands for its family. */
    private final Map<Long, Long> family;

    private TableLocks(Map<Long, Long> family) {
        this.family = family;
    }

    /**
     * @param plan every entry of the run, the tables' own included: a partition's attachment or its CREATE TABLE
     *             ... PARTITION OF tells which family it belongs to
     */
    static TableLocks of(List<Entry> plan) {
        Map<Long, Long> parent = new HashMap<>();
        for (Entry e : plan) {
            if ((e.kind() == Kind.TABLE || e.kind() == Kind.TABLE_ATTACH) && e.table() != null) {
                parent.putIfAbsent(e.table().oid(), e.table().oid());
            }
        }
        for (Entry e : plan) {
            if ((e.kind() == Kind.TABLE || e.kind() == Kind.TABLE_ATTACH) && e.table() != null) {
                for (ObjectRef r : e.dependsOn()) {
                    if ("pg_class".equals(r.catalog()) && parent.containsKey(r.oid())) {
                        union(parent, e.table().oid(), r.oid());
                    }
                }
            }
        }
        Map<Long, Long> family = new HashMap<>();
        parent.keySet().forEach(oid -> family.put(oid, root(parent, oid)));
        return new TableLocks(family);
    }

    /** Whether the entry's statements lock its tables against other steps. */
    boolean exclusive(Entry e) {
        return EXCLUSIVE.contains(e.kind());
    }

    /** The families of the tables the entry works on: its own table and, for a foreign key, the referenced one. */
    Set<Long> families(Entry e) {
        Set<Long> touched = new HashSet<>();
        if (e.table() != null) {
            add(touched, e.table().oid());
        }
        for (ObjectRef r : e.dependsOn()) {
            if (TABLE_REFS.contains(r.catalog())) {
                add(touched, r.oid());
            }
        }
        return touched;
    }

    private void add(Set<Long> touched, long oid) {
        Long root = family.get(oid);
        if (root != null) {
            touched.add(root);
        }
    }

    private static void union(Map<Long, Long> parent, long a, long b) {
        long ra = root(parent, a);
        long rb = root(parent, b);
        if (ra != rb) {
            parent.put(Math.max(ra, rb), Math.min(ra, rb));
        }
    }

    private static long root(Map<Long, Long> parent, long oid) {
        long r = oid;
        while (parent.get(r) != r) {
            r = parent.get(r);
        }
        // Path compression keeps deep inheritance trees cheap to ask about.
        long x = oid;
        while (parent.get(x) != r) {
            long next = parent.get(x);
            parent.put(x, r);
            x = next;
        }
        return r;
    }
}
