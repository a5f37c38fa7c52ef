package io.pgshift.ddl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.Column;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.Table;

import static io.pgshift.sql.Sql.qualified;

/**
 * The source's tables as inheritance and partition trees: who a table's parents and descendants are, and
 * whose rows an index or constraint on it has to wait for.
 */
final class TableTree {
    private final Map<Long, Table> byOid = new HashMap<>();
    private final Map<Long, List<Table>> children = new HashMap<>();

    TableTree(List<Table> tables) {
        for (Table t : tables) {
            byOid.put(t.oid(), t);
        }
        for (Table t : tables) {
            for (long parent : t.layout().parents()) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(t);
            }
        }
    }

    Table table(long oid) {
        return byOid.get(oid);
    }

    /** The schema-qualified, quoted name of a table of the source. */
    String name(long oid) {
        Table t = byOid.get(oid);
        return qualified(t.schema(), t.name());
    }

    /** The parents of a table that pgshift copies too (a parent inside an extension is not). */
    List<Table> parents(Table table) {
        return table.layout().parents().stream().map(byOid::get).filter(p -> p != null).toList();
    }

    /** The tables that inherit from this one directly: its children and partitions. */
    List<Table> children(Table table) {
        return children.getOrDefault(table.oid(), List.of());
    }

    /** The same-named column of each parent that has one. */
    List<Column> parentColumns(Table table, Column column) {
        List<Column> columns = new ArrayList<>();
        for (Table parent : parents(table)) {
            parent.columns().stream().filter(c -> c.name().equals(column.name())).findFirst()
                    .ifPresent(columns::add);
        }
        return columns;
    }

    /**
     * The rows a statement on this table needs loaded: the table's own, and those of every descendant when
     * the statement reaches them: a partitioned table's index or key is built or checked on its partitions,
     * and a CHECK constraint added without ONLY is checked on every child.
     */
    Set<ObjectRef> dataNeeded(long oid, boolean allDescendants) {
        Set<ObjectRef> refs = new LinkedHashSet<>();
        collect(oid, allDescendants, refs, new LinkedHashSet<>());
        return refs;
    }

    private void collect(long oid, boolean allDescendants, Set<ObjectRef> refs, Set<Long> seen) {
        Table t = byOid.get(oid);
        if (t == null || !seen.add(oid)) {
            return;
        }
        if (t.hasRows()) {
            refs.add(ObjectRef.dataOf(oid));
        }
        if (allDescendants || t.layout().isPartitioned()) {
            for (Table child : children.getOrDefault(oid, List.of())) {
                collect(child.oid(), allDescendants, refs, seen);
            }
        }
    }
}
