package io.pgshift.ddl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.Column;
import io.pgshift.catalog.Constraint;
import io.pgshift.catalog.Table;

/**
 * Whether {@code CREATE TABLE ... INHERITS} gives an inheritance child its columns in the source's order. The server
 * puts the parents' columns first, in their order, and the child's own after them; a child that was created on its
 * own and then joined its parent ({@code ALTER TABLE ... INHERIT}) may have them in any order, which SELECT * and an
 * INSERT without a column list see. pg_dump recreates such a child in the parents' order.
 */
public final class InheritedColumnOrder {
    private InheritedColumnOrder() {
    }

    /**
     * A warning for each inheritance child whose column order no statement can give back (see {@link #inheritLater}),
     * for the run to tell before it writes anything.
     */
    public static List<String> notKept(Catalog catalog) {
        Map<Long, Table> byOid = new HashMap<>();
        catalog.tables().forEach(t -> byOid.put(t.oid(), t));
        Map<Long, List<Constraint>> constraints = new HashMap<>();
        catalog.constraints().forEach(c -> constraints.computeIfAbsent(c.tableOid(), k -> new ArrayList<>()).add(c));
        List<String> warnings = new ArrayList<>();
        for (Table t : catalog.tables()) {
            List<Table> parents = t.layout().parents().stream().map(byOid::get).filter(p -> p != null).toList();
            if (parents.isEmpty() || t.layout().isPartition() || t.layout().ofType() != null) {
                continue;
            }
            List<String> source = t.columns().stream().map(Column::name).toList();
            List<String> recreated = afterInherits(t, parents);
            if (!recreated.equals(source) && !inheritLater(t, parents, constraints.getOrDefault(t.oid(), List.of()),
                    parents.stream().map(p -> constraints.getOrDefault(p.oid(), List.of())).toList())) {
                warnings.add("table " + t.displayName() + " arrives with its columns in the order "
                        + String.join(", ", recreated) + ", not " + String.join(", ", source) + ": a column it only "
                        + "inherits (one its parent gained after it) comes before its own when it is created again, "
                        + "as pg_dump's script does too; SELECT * and an INSERT without a column list see the new order");
            }
        }
        return warnings;
    }

    /** The names of the child's columns in the order CREATE TABLE child (its own columns) INHERITS (parents) gives. */
    static List<String> afterInherits(Table child, List<Table> parents) {
        Set<String> order = new LinkedHashSet<>();
        for (Table parent : parents) {
            parent.columns().forEach(c -> order.add(c.name()));
        }
        child.columns().stream().filter(Column::local).forEach(c -> order.add(c.name()));
        return new ArrayList<>(order);
    }

    /**
     * Whether the child is created as the source has it only on its own, then joined to its parents: INHERITS would
     * reorder its columns, and all of them are its own (attislocal), with its parents' CHECK constraints among its
     * own too, so that the table made without INHERITS is the same and ALTER TABLE ... INHERIT accepts it. A child
     * with a column it only inherited (a parent's ADD COLUMN after the child joined) cannot get both that column's
     * place and its inherited-only state back; it keeps the parents' order, as pg_dump's, and verify names it.
     */
    static boolean inheritLater(Table child, List<Table> parents, List<Constraint> constraints,
                                List<List<Constraint>> parentConstraints) {
        if (parents.isEmpty() || child.layout().isPartition() || child.layout().ofType() != null) {
            return false;
        }
        List<String> source = child.columns().stream().map(Column::name).toList();
        if (afterInherits(child, parents).equals(source)) {
            return false;
        }
        // Before 18 a NOT NULL is no constraint of its own and only counts as local where no parent has it: the
        // child made on its own declares it, as ALTER TABLE ... INHERIT requires.
        if (!child.columns().stream().allMatch(c -> c.local() && (c.notNullConstraint() == null
                || c.notNullConstraint().local() || c.notNullConstraint().oid() == 0))) {
            return false;
        }
        Set<String> parentChecks = new LinkedHashSet<>();
        parentConstraints.forEach(list -> list.stream().filter(Constraint::isCheck)
                .forEach(c -> parentChecks.add(c.name())));
        return constraints.stream().filter(c -> c.isCheck() && parentChecks.contains(c.name()))
                .allMatch(c -> c.local() && c.validated());
    }
}
