package io.pgshift.ddl;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.pgshift.catalog.Column;
import io.pgshift.catalog.Constraint;
import io.pgshift.catalog.ObjectRef;
import io.pgshift.catalog.SequenceDef;
import io.pgshift.catalog.Table;
import io.pgshift.catalog.TableLayout;
import io.pgshift.plan.Entry;
import io.pgshift.plan.Section;

import static io.pgshift.ddl.Sql.ident;
import static io.pgshift.ddl.Sql.qualified;

/**
 * Writes the entries of one table: CREATE TABLE with everything only ALTER TABLE can set, the ATTACH
 * PARTITION that puts a partition under its parent, and the data step. The rules follow pg_dump's, so
 * that a dump of the target reads like a dump of the source: an inherited column is declared only where it
 * is local, a partition is created on its own (keeping its column order) and attached afterwards.
 */
final class TableWriter {
    private final DdlWriter ddl;
    private final TableTree tree;

    TableWriter(DdlWriter ddl, TableTree tree) {
        this.ddl = ddl;
        this.tree = tree;
    }

    List<Entry> entries(Table t) {
        List<Entry> entries = new ArrayList<>();
        entries.add(table(t));
        if (t.layout().isPartition() && !t.layout().parents().isEmpty()) {
            entries.add(attach(t));
        }
        if (t.hasRows()) {
            entries.add(new Entry(ObjectRef.dataOf(t.oid()), "TABLE DATA", t.displayName(), Section.DATA, List.of(),
                    Set.of(t.ref()), t.ref()));
        }
        for (Column c : t.columns()) {
            if (c.notNullConstraint() != null && !c.notNullConstraint().valid() && c.notNullConstraint().local()) {
                entries.add(invalidNotNull(t, c));
            }
        }
        return entries;
    }

    private Entry table(Table t) {
        String name = qualified(t.schema(), t.name());
        List<String> sql = new ArrayList<>();
        sql.add(create(t));
        var deps = ddl.dependsOn(t.ref(), t.schema());
        tree.parents(t).forEach(p -> deps.add(p.ref()));
        for (SequenceDef s : ddl.catalog().sequences()) {
            if (s.ownedBy() != null && s.ownedBy().tableOid() == t.oid()) {
                sql.add("ALTER SEQUENCE " + qualified(s.schema(), s.name()) + " OWNED BY " + name + "."
                        + ident(s.ownedBy().column()));
                deps.add(s.ref());
            }
        }
        for (Column c : t.columns()) {
            columnAlters(sql, t, c);
        }
        switch (t.layout().replicaIdentity()) {
            case 'f' -> sql.add("ALTER TABLE ONLY " + name + " REPLICA IDENTITY FULL");
            case 'n' -> sql.add("ALTER TABLE ONLY " + name + " REPLICA IDENTITY NOTHING");
            default -> {
                // DEFAULT needs nothing; USING INDEX is set where the index is created.
            }
        }
        ddl.owner(sql, "TABLE " + name, t.owner());
        DdlWriter.comment(sql, "TABLE " + name, t.comment());
        for (Constraint c : inlineChecks(t)) {
            DdlWriter.comment(sql, "CONSTRAINT " + ident(c.name()) + " ON " + name, c.comment());
        }
        ddl.privileges(sql, "TABLE " + name, t.owner(), t.acl());
        for (Column c : t.columns()) {
            DdlWriter.comment(sql, "COLUMN " + name + "." + ident(c.name()), c.comment());
            if (!ddl.options().noAcl()) {
                sql.addAll(Privileges.columnStatements("TABLE " + name, c.name(), c.acl()));
            }
        }
        return new Entry(t.ref(), "TABLE", t.displayName(), Section.PRE_DATA, sql, deps, t.ref());
    }

    private String create(Table t) {
        TableLayout layout = t.layout();
        List<String> elements = new ArrayList<>();
        for (Column c : t.columns()) {
            if (printed(t, c)) {
                String definition = columnDefinition(t, c);
                if (definition != null) {
                    elements.add(definition);
                }
            } else if (localNotNullOfInheritedColumn(t, c, true)) {
                Column.NotNull nn = c.notNullConstraint();
                elements.add((nn.name() != null ? "CONSTRAINT " + ident(nn.name()) + " " : "") + "NOT NULL "
                        + ident(c.name()) + (nn.noInherit() ? " NO INHERIT" : ""));
            }
        }
        for (Constraint c : inlineChecks(t)) {
            elements.add("CONSTRAINT " + ident(c.name()) + " " + c.definition());
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
        if (!layout.isPartition() && !layout.parents().isEmpty()) {
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
        return ddl.catalog().constraints().stream().filter(c -> c.tableOid() == t.oid() && c.isCheck()
                && c.validated() && (c.local() || t.layout().isPartition())).toList();
    }

    /**
     * Whether CREATE TABLE declares the column. A column that is only inherited is left out, as pg_dump
     * does, so that it stays inherited-only (attislocal false); a partition declares every column.
     */
    private static boolean printed(Table t, Column c) {
        return c.local() || t.layout().isPartition();
    }

    /** The column's declaration; null for a typed table's column that adds nothing to its type's. */
    private String columnDefinition(Table t, Column c) {
        boolean typed = t.layout().ofType() != null;
        StringBuilder def = new StringBuilder(ident(c.name()));
        if (!typed) {
            def.append(' ').append(c.type());
        }
        boolean extra = false;
        if (c.collation() != null && !typed) {
            def.append(" COLLATE ").append(c.collation());
        }
        if (c.isGenerated()) {
            if (!generationInherited(t, c)) {
                def.append(" GENERATED ALWAYS AS (").append(c.defaultExpr()).append(')')
                        .append(c.generated() == 'v' ? " VIRTUAL" : " STORED");
                extra = true;
            }
        } else if (c.defaultExpr() != null) {
            def.append(" DEFAULT ").append(c.defaultExpr());
            extra = true;
        } else if (parentHasDefault(t, c)) {
            // The column would inherit the parent's default; the source's child has none.
            def.append(" DEFAULT NULL");
            extra = true;
        }
        Column.NotNull nn = c.notNullConstraint();
        if (nn != null && nn.valid() && (nn.local() || t.layout().isPartition())) {
            def.append(nn.name() != null ? " CONSTRAINT " + ident(nn.name()) : "").append(" NOT NULL")
                    .append(nn.noInherit() ? " NO INHERIT" : "");
            extra = true;
        }
        SequenceDef sequence = identitySequence(t, c);
        // From 17 a partition shares its partitioned table's identity and has no sequence of its own: ATTACH
        // PARTITION gives it the identity and refuses a partition that brings one.
        if (c.isIdentity() && (sequence != null || !t.layout().isPartition())) {
            def.append(c.identity() == 'a' ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
            if (sequence != null) {
                def.append(" (SEQUENCE NAME ").append(qualified(sequence.schema(), sequence.name()))
                        .append(DdlWriter.sequenceOptions(sequence)).append(')');
            }
            extra = true;
        }
        return typed && !extra ? null : def.toString();
    }

    /**
     * A local NOT NULL on a column the table only inherits. From 18 it is a table constraint of CREATE TABLE,
     * which can carry its name; before, pg_dump sets it with ALTER COLUMN ... SET NOT NULL.
     */
    private boolean localNotNullOfInheritedColumn(Table t, Column c, boolean asTableConstraint) {
        Column.NotNull nn = c.notNullConstraint();
        return nn != null && nn.valid() && nn.local() && !printed(t, c)
                && ddl.catalog().version().atLeast(18) == asTableConstraint;
    }

    /** A child's generated column takes the parent's expression unless it declares a different one. */
    private boolean generationInherited(Table t, Column c) {
        if (t.layout().isPartition()) {
            return false;
        }
        List<Column> parents = tree.parentColumns(t, c);
        return !parents.isEmpty() && parents.stream().allMatch(p -> p.isGenerated()
                && c.defaultExpr().equals(p.defaultExpr()));
    }

    private boolean parentHasDefault(Table t, Column c) {
        return tree.parentColumns(t, c).stream().anyMatch(p -> p.defaultExpr() != null && !p.isGenerated());
    }

    /** What CREATE TABLE cannot say about a column. */
    private void columnAlters(List<String> sql, Table t, Column c) {
        String alter = "ALTER TABLE ONLY " + qualified(t.schema(), t.name()) + " ALTER COLUMN " + ident(c.name());
        if (!printed(t, c)) {
            // An inherited-only column's own default (a copy of the parent's, or its own) and NOT NULL.
            if (!c.isGenerated() && c.defaultExpr() != null) {
                sql.add(alter + " SET DEFAULT " + c.defaultExpr());
            } else if (!c.isGenerated() && parentHasDefault(t, c)) {
                sql.add(alter + " SET DEFAULT NULL");
            }
            if (localNotNullOfInheritedColumn(t, c, false)) {
                sql.add(alter + " SET NOT NULL");
            }
        }
        Column.ColumnSettings s = c.settings();
        if (s.statistics() != null) {
            sql.add(alter + " SET STATISTICS " + s.statistics());
        }
        if (s.storage() != null) {
            sql.add(alter + " SET STORAGE " + s.storage());
        }
        if (s.compression() != null) {
            sql.add(alter + " SET COMPRESSION " + s.compression());
        }
        if (s.options() != null) {
            sql.add(alter + " SET (" + s.options() + ")");
        }
    }

    private Entry attach(Table t) {
        long parent = t.layout().parents().get(0);
        String sql = "ALTER TABLE ONLY " + tree.name(parent) + " ATTACH PARTITION " + qualified(t.schema(), t.name())
                + " " + t.layout().partitionBound();
        return new Entry(ObjectRef.of("pg_inherits", t.oid()), "TABLE ATTACH", t.displayName(), Section.PRE_DATA,
                List.of(sql), Set.of(t.ref(), ObjectRef.relation(parent)), t.ref());
    }

    private SequenceDef identitySequence(Table t, Column c) {
        return ddl.catalog().sequences().stream().filter(s -> s.identityOf() != null
                && s.identityOf().tableOid() == t.oid() && s.identityOf().column().equals(c.name()))
                .findFirst().orElse(null);
    }

    /** An 18 NOT NULL constraint added NOT VALID: like a NOT VALID CHECK, it comes after the rows. */
    private Entry invalidNotNull(Table t, Column c) {
        String constraintName = c.notNullConstraint().name() != null ? c.notNullConstraint().name()
                : t.name() + "_" + c.name() + "_not_null";
        String sql = "ALTER TABLE " + qualified(t.schema(), t.name()) + " ADD CONSTRAINT " + ident(constraintName)
                + " NOT NULL " + ident(c.name()) + (c.notNullConstraint().noInherit() ? " NO INHERIT" : "")
                + " NOT VALID";
        Set<ObjectRef> deps = new LinkedHashSet<>(tree.dataNeeded(t.oid(), true));
        deps.add(t.ref());
        return new Entry(ObjectRef.constraint(c.notNullConstraint().oid()), "NOT NULL",
                t.displayName() + "." + c.name(), Section.POST_DATA, List.of(sql), deps, t.ref());
    }
}
