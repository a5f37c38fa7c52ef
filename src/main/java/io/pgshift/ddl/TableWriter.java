package io.pgshift.ddl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.pgshift.catalog.Column;
import io.pgshift.catalog.Constraint;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.SequenceDef;
import io.pgshift.catalog.Table;
import io.pgshift.catalog.TableLayout;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;
import io.pgshift.plan.Split;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.qualified;
import io.pgshift.sql.Privileges;
import io.pgshift.object.Kind;

/**
 * Writes the entries of one table: CREATE TABLE with everything only ALTER TABLE can set, the ATTACH
 * PARTITION that puts a partition under its parent, and the data step. The rules follow pg_dump's, so
 * that a dump of the target reads like a dump of the source: an inherited column is declared only where it
 * is local, a partition is created on its own (keeping its column order) and attached afterwards.
 */
final class TableWriter {
    private final DdlWriter ddl;
    private final TableTree tree;
    private final ColumnWriter columns;

    TableWriter(DdlWriter ddl, TableTree tree) {
        this.ddl = ddl;
        this.tree = tree;
        this.columns = new ColumnWriter(ddl, tree);
    }

    List<Entry> entries(Table t) {
        List<Entry> entries = new ArrayList<>();
        entries.add(table(t));
        if (t.layout().isPartition() && !t.layout().parents().isEmpty()) {
            entries.add(attach(t));
        }
        if (t.hasRows()) {
            entries.add(new Entry(ObjectRef.dataOf(t.oid()), Kind.TABLE_DATA, t.displayName(), Section.DATA, List.of(),
                    Set.of(t.ref()), t.ref()));
        }
        for (Column c : t.columns()) {
            if (c.notNullConstraint() != null && !c.notNullConstraint().valid() && c.notNullConstraint().local()) {
                entries.add(invalidNotNull(t, c));
            }
        }
        return entries;
    }

    /**
     * The table's entry. When some of its CHECK constraints or column defaults need other objects, the entry can
     * be split: the table without them, then each of them on its own. That breaks the loop of a table and a
     * function that takes the table's row type, used in the table's CHECK or default.
     */
    private Entry table(Table t) {
        Entry whole = table(t, Set.of());
        List<Entry> later = new ArrayList<>();
        Set<ObjectRef> parts = new LinkedHashSet<>();
        for (Constraint c : inlineChecks(t)) {
            if (c.local() && !t.layout().isPartition() && !ddl.constraintDependencies(c.ref()).isEmpty()) {
                parts.add(c.ref());
                later.add(check(t, c));
            }
        }
        for (Column c : t.columns()) {
            if (!c.isGenerated() && c.defaultExpr() != null && c.defaultOid() != 0
                    && ddl.serialSequence(t, c) == null
                    && !ddl.partDependencies(t.ref(), c.defaultRef()).isEmpty()) {
                parts.add(c.defaultRef());
                later.add(columnDefault(t, c));
            }
        }
        if (parts.isEmpty()) {
            return whole;
        }
        Entry first = table(t, parts);
        return whole.withSplit(new Split(first.sql(), first.dependsOn(), later));
    }

    /** A CHECK constraint added once the table and its rows are in, as pg_dump adds one it splits off. */
    private Entry check(Table t, Constraint c) {
        String name = qualified(t.schema(), t.name());
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE " + name + " ADD CONSTRAINT " + ident(c.name()) + " " + c.definition());
        DdlWriter.comment(sql, "CONSTRAINT " + ident(c.name()) + " ON " + name, c.comment());
        Set<ObjectRef> deps = new LinkedHashSet<>(ddl.constraintDependencies(c.ref()));
        deps.add(t.ref());
        deps.addAll(tree.dataNeeded(t.oid(), true));
        return new Entry(c.ref(), Kind.CHECK_CONSTRAINT, t.displayName() + "." + c.name(), Section.POST_DATA, sql,
                deps, t.ref());
    }

    /** A column default set once the table exists. */
    private Entry columnDefault(Table t, Column c) {
        Set<ObjectRef> deps = new LinkedHashSet<>(ddl.partDependencies(t.ref(), c.defaultRef()));
        deps.add(t.ref());
        return new Entry(c.defaultRef(), Kind.DEFAULT, t.displayName() + "." + c.name(), Section.PRE_DATA,
                List.of(ColumnWriter.setDefault(t, c)), deps, t.ref());
    }

    /** The table's entry without the given parts: CHECK constraints and column defaults created later. */
    private Entry table(Table t, Set<ObjectRef> withoutParts) {
        String name = qualified(t.schema(), t.name());
        List<String> sql = new ArrayList<>();
        boolean inheritLater = withoutParts.isEmpty() && inheritLater(t);
        sql.add(create(t, withoutParts, inheritLater));
        if (inheritLater) {
            for (Table parent : tree.parents(t)) {
                sql.add("ALTER TABLE ONLY " + name + " INHERIT " + qualified(parent.schema(), parent.name()));
            }
        }
        var deps = ddl.dependsOn(t.ref(), t.schema(), withoutParts);
        tree.parents(t).forEach(p -> deps.add(p.ref()));
        for (Column c : t.columns()) {
            columns.alters(sql, t, c, !withoutParts.contains(c.defaultRef()));
        }
        switch (t.layout().replicaIdentity()) {
            case 'f' -> sql.add("ALTER TABLE ONLY " + name + " REPLICA IDENTITY FULL");
            case 'n' -> sql.add("ALTER TABLE ONLY " + name + " REPLICA IDENTITY NOTHING");
            default -> {
                // DEFAULT needs nothing; USING INDEX is set where the index is created.
            }
        }
        ddl.ownerOfNew(sql, "TABLE " + name, t.owner());
        // After the table's owner: the sequence already has it, and the server refuses to link a sequence to a
        // table with another owner (a serial column of a table owned by someone else than the connecting user).
        for (SequenceDef s : ddl.sequencesOwnedBy(t.oid())) {
            if (ddl.madeByItsTable(s)) {
                // CREATE TABLE made the sequence and linked it; what it has to wait for is its own entry's.
                deps.remove(s.ref());
                continue;
            }
            sql.add("ALTER SEQUENCE " + qualified(s.schema(), s.name()) + " OWNED BY " + name + "."
                    + ident(s.ownedBy().column()));
            deps.add(s.ref());
        }
        DdlWriter.comment(sql, "TABLE " + name, t.comment());
        for (Constraint c : inlineChecks(t)) {
            if (withoutParts.contains(c.ref())) {
                continue;
            }
            DdlWriter.comment(sql, "CONSTRAINT " + ident(c.name()) + " ON " + name, c.comment());
            // An inline CHECK is created with the table: the functions and types it uses must exist first.
            deps.addAll(ddl.constraintDependencies(c.ref()));
        }
        for (Column c : t.columns()) {
            Column.NotNull nn = c.notNullConstraint();
            // A NOT NULL constraint's comment goes where the constraint is created: here, unless NOT VALID, or
            // inherited from a parent whose own is NOT VALID, which adds it to this table only later.
            if (nn != null && nn.valid() && nn.comment() != null && !arrivesWithInvalidParent(t, c)) {
                DdlWriter.comment(sql, "CONSTRAINT " + ident(nn.nameOn(t.name(), c.name())) + " ON " + name,
                        nn.comment());
            }
        }
        ddl.privileges(sql, "TABLE " + name, t.owner(), t.acl());
        for (Column c : t.columns()) {
            DdlWriter.comment(sql, "COLUMN " + name + "." + ident(c.name()), c.comment());
            if (!ddl.options().noAcl()) {
                sql.addAll(Privileges.columnStatements("TABLE " + name, c.name(), c.acl()));
            }
        }
        // A constraint's edges on its own table's columns (a partition's inherited CHECK has some) are no wait.
        deps.remove(t.ref());
        return new Entry(t.ref(), Kind.TABLE, t.displayName(), Section.PRE_DATA, sql, deps, t.ref(),
                "DROP TABLE IF EXISTS " + name);
    }

    /** Whether the table is created on its own and then joined to its parents: see {@link InheritedColumnOrder}. */
    private boolean inheritLater(Table t) {
        List<Table> parents = tree.parents(t);
        return InheritedColumnOrder.reorderedByInherits(t, parents) && InheritedColumnOrder.joinable(t,
                ddl.constraintsOf(t.oid()), parents.stream().map(p -> ddl.constraintsOf(p.oid())).toList());
    }

    private String create(Table t, Set<ObjectRef> withoutParts, boolean inheritLater) {
        TableLayout layout = t.layout();
        List<String> elements = new ArrayList<>();
        for (Column c : t.columns()) {
            if (ColumnWriter.printed(t, c)) {
                String definition = columns.definition(t, c, !withoutParts.contains(c.defaultRef()),
                        inheritLater);
                if (definition != null) {
                    elements.add(definition);
                }
            } else if (columns.localNotNullOfInheritedColumn(t, c, true)) {
                Column.NotNull nn = c.notNullConstraint();
                elements.add((nn.name() != null ? "CONSTRAINT " + ident(nn.name()) + " " : "") + "NOT NULL "
                        + ident(c.name()) + (nn.noInherit() ? " NO INHERIT" : ""));
            }
        }
        for (Constraint c : inlineChecks(t)) {
            if (!withoutParts.contains(c.ref())) {
                elements.add("CONSTRAINT " + ident(c.name()) + " " + c.definition());
            }
        }
        for (Constraint c : ddl.constraintsOf(t.oid())) {
            if (ddl.keyWithTable(c, t)) {
                elements.add("CONSTRAINT " + ident(c.name()) + " " + c.definition());
            }
        }
        StringBuilder sql = new StringBuilder("CREATE ");
        // UNLOGGED means nothing for a partitioned table, and 18 refuses it there.
        if (t.persistence() == 'u' && !layout.isPartitioned()) {
            sql.append("UNLOGGED ");
        }
        sql.append("TABLE ").append(qualified(t.schema(), t.name()));
        if (layout.ofType() != null) {
            sql.append(" OF ").append(layout.ofType());
        }
        if (!elements.isEmpty()) {
            sql.append(" (\n    ").append(String.join(",\n    ", elements)).append("\n)");
        } else if (layout.ofType() == null) {
            sql.append(" (\n)");
        }
        if (!layout.isPartition() && !layout.parents().isEmpty() && !inheritLater) {
            sql.append("\nINHERITS (").append(String.join(", ",
                    tree.parents(t).stream().map(p -> qualified(p.schema(), p.name())).toList())).append(')');
        }
        if (layout.isPartitioned()) {
            sql.append("\nPARTITION BY ").append(layout.partitionKey());
        }
        if (layout.accessMethod() != null && (layout.isPartitioned() || !"heap".equals(layout.accessMethod()))) {
            sql.append("\nUSING ").append(ident(layout.accessMethod()));
        }
        List<String> with = new ArrayList<>();
        if (layout.options() != null) {
            with.add(layout.options());
        }
        if (layout.toastOptions() != null) {
            with.add(layout.toastOptions());
        }
        if (layout.hasOids()) {
            with.add("oids=true");
        }
        if (!with.isEmpty()) {
            sql.append("\nWITH (").append(String.join(", ", with)).append(')');
        }
        if (layout.tablespace() != null && !ddl.options().noTablespaces()) {
            sql.append("\nTABLESPACE ").append(ident(layout.tablespace()));
        }
        return sql.toString();
    }

    /**
     * Valid CHECK constraints go inline, as pg_dump does: rows are checked as they are loaded. A partition
     * declares its inherited ones too, which ATTACH PARTITION then expects to find.
     */
    private List<Constraint> inlineChecks(Table t) {
        return ddl.constraintsOf(t.oid()).stream().filter(c -> c.isCheck()
                && c.validated() && (c.local() || t.layout().isPartition())).toList();
    }

    private Entry attach(Table t) {
        long parent = t.layout().parents().get(0);
        String sql = "ALTER TABLE ONLY " + tree.name(parent) + " ATTACH PARTITION " + qualified(t.schema(), t.name())
                + " " + t.layout().partitionBound();
        return new Entry(ObjectRef.of("pg_inherits", t.oid()), Kind.TABLE_ATTACH, t.displayName(), Section.PRE_DATA,
                List.of(sql), Set.of(t.ref(), ObjectRef.relation(parent)), t.ref());
    }

    /**
     * Whether a column's NOT NULL constraint is the copy of a parent's that is NOT VALID: the parent's ALTER TABLE,
     * after the rows, adds it to this table, so it does not exist when the table is created.
     */
    private boolean arrivesWithInvalidParent(Table t, Column c) {
        Column.NotNull nn = c.notNullConstraint();
        if (nn == null || nn.local()) {
            return false;
        }
        List<Column> parents = tree.parentColumns(t, c);
        // A parent whose NOT NULL is valid gives the table its copy when the table is created.
        return parents.stream().anyMatch(p -> p.notNullConstraint() != null && !p.notNullConstraint().valid())
                && parents.stream().noneMatch(p -> p.notNullConstraint() != null && p.notNullConstraint().valid());
    }

    /**
     * The copies a NOT VALID NOT NULL makes on the tables that inherit it: one the source validated on its own (a
     * child's may be, while its parent's is not) is validated again, and each gets its comment.
     */
    private void inheritedCopies(Table parent, Column column, String constraint, List<String> sql, Set<Long> seen) {
        for (Table child : tree.children(parent)) {
            if (!seen.add(child.oid())) {
                continue;
            }
            Column inherited = child.columns().stream().filter(x -> x.name().equals(column.name())).findFirst()
                    .orElse(null);
            Column.NotNull nn = inherited == null ? null : inherited.notNullConstraint();
            if (nn == null || !arrivesWithInvalidParent(child, inherited)) {
                // Its own, or one it had from another parent when it was created: nothing arrives with this one.
                // (Such a copy is named after that other parent on the target, which the tally then reports.)
                continue;
            }
            String table = qualified(child.schema(), child.name());
            String name = ident(nn.nameOn(child.name(), inherited.name()));
            if (nn.valid()) {
                sql.add("ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name);
            }
            DdlWriter.comment(sql, "CONSTRAINT " + name + " ON " + table, nn.comment());
            inheritedCopies(child, inherited, constraint, sql, seen);
        }
    }

    /** An 18 NOT NULL constraint added NOT VALID: like a NOT VALID CHECK, it comes after the rows. */
    private Entry invalidNotNull(Table t, Column c) {
        Column.NotNull nn = c.notNullConstraint();
        String table = qualified(t.schema(), t.name());
        String constraint = ident(nn.nameOn(t.name(), c.name()));
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE " + table + " ADD CONSTRAINT " + constraint + " NOT NULL " + ident(c.name())
                + (nn.noInherit() ? " NO INHERIT" : "") + " NOT VALID");
        DdlWriter.comment(sql, "CONSTRAINT " + constraint + " ON " + table, nn.comment());
        inheritedCopies(t, c, nn.nameOn(t.name(), c.name()), sql, new java.util.HashSet<>());
        Set<ObjectRef> deps = new LinkedHashSet<>(tree.dataNeeded(t.oid(), true));
        deps.add(t.ref());
        return new Entry(ObjectRef.constraint(c.notNullConstraint().oid()), Kind.NOT_NULL,
                t.displayName() + "." + c.name(), Section.POST_DATA, sql, deps, t.ref());
    }
}
