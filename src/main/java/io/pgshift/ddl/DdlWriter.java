package io.pgshift.ddl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.Column;
import io.pgshift.catalog.Constraint;
import io.pgshift.catalog.Dependency;
import io.pgshift.catalog.Index;
import io.pgshift.catalog.ObjectDef;
import io.pgshift.catalog.ObjectRef;
import io.pgshift.catalog.PrivilegeObjects;
import io.pgshift.catalog.Schema;
import io.pgshift.catalog.SequenceDef;
import io.pgshift.catalog.Table;
import io.pgshift.catalog.View;
import io.pgshift.plan.Entry;
import io.pgshift.plan.Section;

import static io.pgshift.ddl.Sql.ident;
import static io.pgshift.ddl.Sql.literal;
import static io.pgshift.ddl.Sql.qualified;

/**
 * Turns a catalog into plan entries: the statements that recreate each object on the target, with the
 * objects each one needs first. Nothing is executed here.
 */
public final class DdlWriter {
    private final Catalog catalog;
    private final DdlOptions options;
    private final Map<ObjectRef, Set<ObjectRef>> dependencies = new HashMap<>();
    private final Map<String, Long> schemaOids = new HashMap<>();

    public DdlWriter(Catalog catalog, DdlOptions options) {
        this.catalog = catalog;
        this.options = options;
        // A foreign key depends on the index behind the referenced key; pgshift creates that index through
        // its constraint, so the edge must point at the constraint.
        Map<ObjectRef, ObjectRef> indexToConstraint = new HashMap<>();
        for (Constraint c : catalog.constraints()) {
            if (c.indexOid() != 0) {
                indexToConstraint.put(ObjectRef.relation(c.indexOid()), c.ref());
            }
        }
        for (Dependency d : catalog.dependencies()) {
            ObjectRef referenced = indexToConstraint.getOrDefault(d.referenced(), d.referenced());
            dependencies.computeIfAbsent(d.dependent(), k -> new HashSet<>()).add(referenced);
        }
        for (Schema s : catalog.schemas()) {
            schemaOids.put(s.name(), s.oid());
        }
    }

    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        catalog.schemas().forEach(s -> entries.add(schema(s)));
        catalog.sequences().stream().filter(s -> s.identityOf() == null).forEach(s -> entries.add(sequence(s)));
        for (Table t : catalog.tables()) {
            entries.add(table(t));
            entries.add(tableData(t));
        }
        catalog.sequences().forEach(s -> entries.add(sequencePosition(s)));
        catalog.views().forEach(v -> entries.add(view(v)));
        catalog.constraints().stream().filter(c -> !c.isCheck() || !c.validated()).filter(Constraint::local)
                .forEach(c -> entries.add(constraint(c)));
        catalog.indexes().forEach(i -> entries.add(index(i)));
        catalog.objects().stream().filter(o -> !(options.noAcl() && PrivilegeObjects.isPrivilegesOnly(o)))
                .forEach(o -> entries.add(object(o)));
        entries.add(DatabaseProperties.entry(catalog.database(), options));
        return defaultPrivilegesLast(entries);
    }

    /**
     * Default privileges also apply to objects created after them. Like the last pass of pg_restore, which
     * is for privileges, they wait until every other object exists.
     */
    private static List<Entry> defaultPrivilegesLast(List<Entry> entries) {
        Set<ObjectRef> everythingElse = new HashSet<>();
        for (Entry e : entries) {
            if (!PrivilegeObjects.DEFAULT.equals(e.kind()) && e.section() != Section.DATA) {
                everythingElse.add(e.ref());
            }
        }
        List<Entry> ordered = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (PrivilegeObjects.DEFAULT.equals(e.kind())) {
                Set<ObjectRef> deps = new HashSet<>(e.dependsOn());
                deps.addAll(everythingElse);
                e = new Entry(e.ref(), e.kind(), e.name(), e.section(), e.sql(), deps, e.table());
            }
            ordered.add(e);
        }
        return ordered;
    }

    private Entry object(ObjectDef o) {
        List<String> sql = new ArrayList<>(o.create());
        owner(sql, o.designation(), o.owner());
        comment(sql, o.designation(), o.comment());
        privileges(sql, o.aclTarget() != null ? o.aclTarget() : o.designation(), o.owner(), o.acl());
        Set<ObjectRef> deps = dependsOn(o.ref(), o.schema());
        deps.addAll(o.dependsOn());
        return new Entry(o.ref(), o.kind(), o.name(), o.section(), sql, deps, o.table());
    }

    private void privileges(List<String> sql, String target, String owner, String aclJson) {
        if (!options.noAcl()) {
            sql.addAll(Privileges.statements(target, owner, aclJson, !options.noOwner()));
        }
    }

    private Entry schema(Schema s) {
        List<String> sql = new ArrayList<>();
        // Every new database already has "public", so it is created only if someone dropped it.
        boolean isPublic = "public".equals(s.name());
        sql.add((isPublic ? "CREATE SCHEMA IF NOT EXISTS " : "CREATE SCHEMA ") + ident(s.name()));
        // The owner of public changed to pg_database_owner in 15; the source's owner is kept, as a restore
        // of pg_dump's script would keep it. initdb's comment on it exists on both sides already.
        owner(sql, "SCHEMA " + ident(s.name()), s.owner());
        if (!isPublic || !"standard public schema".equals(s.comment())) {
            comment(sql, "SCHEMA " + ident(s.name()), s.comment());
        }
        privileges(sql, "SCHEMA " + ident(s.name()), s.owner(), s.acl());
        return new Entry(s.ref(), "SCHEMA", s.name(), Section.PRE_DATA, sql, Set.of(), null);
    }

    private Entry sequence(SequenceDef s) {
        String name = qualified(s.schema(), s.name());
        List<String> sql = new ArrayList<>();
        sql.add("CREATE SEQUENCE " + name + (s.dataType() != null ? " AS " + s.dataType() : "") + sequenceOptions(s));
        owner(sql, "SEQUENCE " + name, s.owner());
        comment(sql, "SEQUENCE " + name, s.comment());
        privileges(sql, "SEQUENCE " + name, s.owner(), s.acl());
        return new Entry(s.ref(), "SEQUENCE", s.displayName(), Section.PRE_DATA, sql,
                dependsOn(s.ref(), s.schema()), null);
    }

    /** The options both CREATE SEQUENCE and an identity column take; an identity's type is its column's. */
    private static String sequenceOptions(SequenceDef s) {
        return " START WITH " + s.start() + " INCREMENT BY "
                + s.increment() + " MINVALUE " + s.min() + " MAXVALUE " + s.max() + " CACHE " + s.cache()
                + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }

    private Entry sequencePosition(SequenceDef s) {
        String sql = "SELECT pg_catalog.setval(" + literal(qualified(s.schema(), s.name())) + ", " + s.lastValue()
                + ", " + s.isCalled() + ")";
        ObjectRef creator = s.identityOf() != null
                ? ObjectRef.relation(s.identityOf().tableOid()) : s.ref();
        return new Entry(ObjectRef.dataOf(s.oid()), "SEQUENCE SET", s.displayName(), Section.DATA, List.of(sql),
                Set.of(creator), null);
    }

    private Entry table(Table t) {
        String name = qualified(t.schema(), t.name());
        List<String> elements = new ArrayList<>();
        for (Column c : t.columns()) {
            elements.add(columnDefinition(t, c));
        }
        for (Constraint c : catalog.constraints()) {
            // Valid CHECK constraints go inline, as pg_dump does: rows are checked as they are loaded.
            if (c.tableOid() == t.oid() && c.isCheck() && c.validated() && c.local()) {
                elements.add("CONSTRAINT " + ident(c.name()) + " " + c.definition());
            }
        }
        List<String> sql = new ArrayList<>();
        sql.add("CREATE " + (t.persistence() == 'u' ? "UNLOGGED " : "") + "TABLE " + name + " (\n    "
                + String.join(",\n    ", elements) + "\n)");
        Set<ObjectRef> deps = dependsOn(t.ref(), t.schema());
        for (SequenceDef s : catalog.sequences()) {
            if (s.ownedBy() != null && s.ownedBy().tableOid() == t.oid()) {
                sql.add("ALTER SEQUENCE " + qualified(s.schema(), s.name()) + " OWNED BY " + name + "."
                        + ident(s.ownedBy().column()));
                deps.add(s.ref());
            }
        }
        owner(sql, "TABLE " + name, t.owner());
        comment(sql, "TABLE " + name, t.comment());
        privileges(sql, "TABLE " + name, t.owner(), t.acl());
        for (Column c : t.columns()) {
            comment(sql, "COLUMN " + name + "." + ident(c.name()), c.comment());
            if (!options.noAcl()) {
                sql.addAll(Privileges.columnStatements("TABLE " + name, c.name(), c.acl()));
            }
        }
        return new Entry(t.ref(), "TABLE", t.displayName(), Section.PRE_DATA, sql, deps, t.ref());
    }

    private String columnDefinition(Table t, Column c) {
        StringBuilder def = new StringBuilder(ident(c.name())).append(' ').append(c.type());
        if (c.collation() != null) {
            def.append(" COLLATE ").append(c.collation());
        }
        if (c.isGenerated()) {
            def.append(" GENERATED ALWAYS AS (").append(c.defaultExpr()).append(") STORED");
        } else if (c.defaultExpr() != null) {
            def.append(" DEFAULT ").append(c.defaultExpr());
        }
        if (c.notNull()) {
            def.append(" NOT NULL");
        }
        if (c.isIdentity()) {
            def.append(c.identity() == 'a' ? " GENERATED ALWAYS AS IDENTITY" : " GENERATED BY DEFAULT AS IDENTITY");
            for (SequenceDef s : catalog.sequences()) {
                if (s.identityOf() != null && s.identityOf().tableOid() == t.oid()
                        && s.identityOf().column().equals(c.name())) {
                    def.append(" (SEQUENCE NAME ").append(qualified(s.schema(), s.name()))
                            .append(sequenceOptions(s)).append(')');
                }
            }
        }
        return def.toString();
    }

    private Entry tableData(Table t) {
        return new Entry(ObjectRef.dataOf(t.oid()), "TABLE DATA", t.displayName(), Section.DATA, List.of(),
                Set.of(t.ref()), t.ref());
    }

    private Entry view(View v) {
        String name = qualified(v.schema(), v.name());
        String definition = v.definition().strip();
        if (definition.endsWith(";")) {
            definition = definition.substring(0, definition.length() - 1);
        }
        List<String> sql = new ArrayList<>();
        sql.add("CREATE VIEW " + name + (v.options() != null ? " WITH (" + v.options() + ")" : "") + " AS\n"
                + definition + (v.checkOption() != null
                        ? "\n  WITH " + v.checkOption().toUpperCase(Locale.ROOT) + " CHECK OPTION" : ""));
        owner(sql, "VIEW " + name, v.owner());
        comment(sql, "VIEW " + name, v.comment());
        privileges(sql, "TABLE " + name, v.owner(), v.acl());
        return new Entry(v.ref(), "VIEW", v.schema() + "." + v.name(), Section.PRE_DATA, sql,
                dependsOn(v.ref(), v.schema()), null);
    }

    private Entry constraint(Constraint c) {
        String table = qualified(c.schema(), c.table());
        List<String> sql = new ArrayList<>();
        sql.add("ALTER TABLE ONLY " + table + " ADD CONSTRAINT " + ident(c.name()) + " " + c.definition());
        comment(sql, "CONSTRAINT " + ident(c.name()) + " ON " + table, c.comment());
        ObjectRef tableRef = ObjectRef.relation(c.tableOid());
        Set<ObjectRef> deps = dependsOn(c.ref(), c.schema());
        deps.add(tableRef);
        deps.add(ObjectRef.dataOf(c.tableOid()));
        if (c.isForeignKey()) {
            deps.add(ObjectRef.dataOf(c.referencedTableOid()));
        }
        String kind = switch (c.type()) {
            case 'p' -> "PRIMARY KEY";
            case 'u' -> "UNIQUE";
            case 'f' -> "FOREIGN KEY";
            case 'x' -> "EXCLUSION";
            default -> "CHECK";
        };
        return new Entry(c.ref(), kind, c.schema() + "." + c.table() + "." + c.name(), Section.POST_DATA, sql, deps,
                tableRef);
    }

    private Entry index(Index i) {
        List<String> sql = new ArrayList<>();
        sql.add(i.definition());
        ObjectRef tableRef = ObjectRef.relation(i.tableOid());
        String name = qualified(i.schema(), i.name());
        if (i.clustered()) {
            sql.add("ALTER TABLE " + catalog.tables().stream().filter(t -> t.oid() == i.tableOid())
                    .map(t -> qualified(t.schema(), t.name())).findFirst().orElseThrow()
                    + " CLUSTER ON " + ident(i.name()));
        }
        comment(sql, "INDEX " + name, i.comment());
        Set<ObjectRef> deps = dependsOn(i.ref(), i.schema());
        deps.add(tableRef);
        deps.add(ObjectRef.dataOf(i.tableOid()));
        return new Entry(i.ref(), "INDEX", i.schema() + "." + i.name(), Section.POST_DATA, sql, deps, tableRef);
    }

    /** The object's catalog dependencies plus its schema. */
    private Set<ObjectRef> dependsOn(ObjectRef ref, String schema) {
        Set<ObjectRef> deps = new LinkedHashSet<>(dependencies.getOrDefault(ref, Set.of()));
        Long schemaOid = schema == null ? null : schemaOids.get(schema);
        if (schemaOid != null) {
            deps.add(ObjectRef.namespace(schemaOid));
        }
        return deps;
    }

    private void owner(List<String> sql, String object, String owner) {
        if (!options.noOwner() && owner != null) {
            sql.add("ALTER " + object + " OWNER TO " + ident(owner));
        }
    }

    private static void comment(List<String> sql, String object, String comment) {
        if (comment != null) {
            sql.add("COMMENT ON " + object + " IS " + literal(comment));
        }
    }
}
