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
     * A warning for each inheritance child whose column order no statement can give back, for the run to tell before
     * it writes anything.
     */
    public static List<String> notKept(Catalog catalog) {
        Map<Long, Table> byOid = new HashMap<>();
        catalog.tables().forEach(t -> byOid.put(t.oid(), t));
        Map<Long, List<Constraint>> constraints = new HashMap<>();
        catalog.constraints().forEach(c -> constraints.computeIfAbsent(c.tableOid(), k -> new ArrayList<>()).add(c));
        List<String> warnings = new ArrayList<>();
        for (Table t : catalog.tables()) {
            List<Table> parents = t.layout().parents().stream().map(byOid::get).filter(p -> p != null).toList();
            if (reorderedByInherits(t, parents) && !joinable(t, constraints.getOrDefault(t.oid(), List.of()),
                    parents.stream().map(p -> constraints.getOrDefault(p.oid(), List.of())).toList())) {
                warnings.add("table " + t.displayName() + " arrives with its columns in the order "
                        + String.join(", ", afterInherits(t, parents)) + ", not " + String.join(", ", names(t))
                        + ": CREATE TABLE ... INHERITS puts its parents' columns first, and what it only inherits "
                        + "from them (a column, a NOT NULL, a CHECK) keeps it from being created on its own and "
                        + "joined to them after; pg_dump's script reorders it alike. SELECT * and an INSERT without "
                        + "a column list see the new order");
            }
        }
        return warnings;
    }

    /** Whether CREATE TABLE ... INHERITS would give an inheritance child (not a partition) another column order. */
    static boolean reorderedByInherits(Table child, List<Table> parents) {
        return !parents.isEmpty() && !child.layout().isPartition() && child.layout().ofType() == null
                && !afterInherits(child, parents).equals(names(child));
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
     * Whether the child, created on its own, is the same table and one ALTER TABLE ... INHERIT accepts: all its
     * columns are its own (attislocal), and so are its parents' CHECK constraints among its own. A child with a
     * column it only inherited (a parent's ADD COLUMN after the child joined) cannot get both that column's place and
     * its inherited-only state back; it keeps the parents' order, as with pg_dump, and verify names it.
     */
    static boolean joinable(Table child, List<Constraint> constraints, List<List<Constraint>> parentConstraints) {
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

    private static List<String> names(Table t) {
        return t.columns().stream().map(Column::name).toList();
    }
}
