package io.pgshift.ddl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.Column;
import io.pgshift.catalog.Constraint;
import io.pgshift.catalog.Dependency;
import io.pgshift.catalog.ObjectDef;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.PrivilegeObjects;
import io.pgshift.catalog.Schema;
import io.pgshift.catalog.SecurityLabelSource;
import io.pgshift.catalog.SequenceDef;
import io.pgshift.catalog.Table;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;
import io.pgshift.plan.Split;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.literal;
import static io.pgshift.sql.Sql.qualified;
import io.pgshift.sql.Privileges;
import io.pgshift.object.Kind;

/**
 * Turns a catalog into plan entries: the statements that recreate each object on the target, with the
 * objects each one needs first. Nothing is executed here.
 */
public final class DdlWriter {
    /** A key as pg_get_constraintdef prints it, with nothing after its column list but INCLUDE and WITH. */
    private static final Pattern PLAIN_KEY = Pattern.compile("(?:PRIMARY KEY|UNIQUE) \\((.*)\\)");

    private final Catalog catalog;
    private final DdlOptions options;
    private final TargetSession session;
    private final Map<ObjectRef, Set<ObjectRef>> dependencies = new HashMap<>();
    /** The edges that the dependent itself makes, not one of its parts. */
    private final Map<ObjectRef, Set<ObjectRef>> directDependencies = new HashMap<>();
    /** The edges that a part of the dependent makes (a column default), by dependent and part. */
    private final Map<ObjectRef, Map<ObjectRef, Set<ObjectRef>>> partDependencies = new HashMap<>();
    private final Map<String, Long> schemaOids = new HashMap<>();
    /** Each table's constraints and each identity column's sequence, looked up once per table or column. */
    private final Map<Long, List<Constraint>> constraintsByTable = new HashMap<>();
    private final Map<Long, Map<String, SequenceDef>> identitySequences = new HashMap<>();
    private final Map<Long, List<SequenceDef>> ownedSequences = new HashMap<>();
    private final SerialColumns serials;

    public DdlWriter(Catalog catalog, DdlOptions options) {
        this(catalog, options, TargetSession.UNKNOWN);
    }

    /** A writer for statements that will run in a known session: a copy's. */
    public DdlWriter(Catalog catalog, DdlOptions options, TargetSession session) {
        this.catalog = catalog;
        this.options = options;
        this.session = session;
        this.serials = new SerialColumns(catalog, session);
        for (Constraint c : catalog.constraints()) {
            constraintsByTable.computeIfAbsent(c.tableOid(), k -> new ArrayList<>()).add(c);
        }
        for (SequenceDef s : catalog.sequences()) {
            if (s.ownedBy() != null) {
                ownedSequences.computeIfAbsent(s.ownedBy().tableOid(), k -> new ArrayList<>()).add(s);
            }
            if (s.identityOf() != null) {
                identitySequences.computeIfAbsent(s.identityOf().tableOid(), k -> new HashMap<>())
                        .putIfAbsent(s.identityOf().column(), s);
            }
        }
        // A foreign key depends on the index behind the referenced key; pgshift creates that index through
        // its constraint, so the edge must point at the constraint. A foreign key names that same index in
        // conindid, but it does not create it: mapping to it would leave the key waiting for itself.
        Map<ObjectRef, ObjectRef> indexToConstraint = new HashMap<>();
        for (Constraint c : catalog.constraints()) {
            if (c.hasIndex() && c.indexOid() != 0 && !c.isForeignKey()) {
                indexToConstraint.put(ObjectRef.relation(c.indexOid()), c.ref());
            }
        }
        for (Dependency d : catalog.dependencies()) {
            ObjectRef referenced = indexToConstraint.getOrDefault(d.referenced(), d.referenced());
            dependencies.computeIfAbsent(d.dependent(), k -> new HashSet<>()).add(referenced);
            if (d.via() == null) {
                directDependencies.computeIfAbsent(d.dependent(), k -> new HashSet<>()).add(referenced);
            } else {
                partDependencies.computeIfAbsent(d.dependent(), k -> new HashMap<>())
                        .computeIfAbsent(d.via(), k -> new HashSet<>()).add(referenced);
            }
        }
        for (Schema s : catalog.schemas()) {
            schemaOids.put(s.name(), s.oid());
        }
    }

    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        catalog.schemas().forEach(s -> entries.add(schema(s)));
        // The other kinds go first, as in pg_dump, whose order puts every type and function before any table. Among
        // entries free to go, the sort keeps this order, and a function's body written as a string records none of
        // the functions it calls: a generated column or an index expression inlines them when it is created.
        catalog.objects().stream().filter(o -> !(options.noAcl() && PrivilegeObjects.isPrivilegesOnly(o)))
                .filter(o -> !(options.noSecurityLabels() && o.kind() == Kind.SECURITY_LABEL))
                .forEach(o -> entries.add(object(o)));
        catalog.sequences().stream().filter(s -> s.identityOf() == null && !serials.madeByTable(s))
                .forEach(s -> entries.add(sequence(s)));
        TableTree tree = new TableTree(catalog.tables());
        TableWriter tables = new TableWriter(this, tree);
        catalog.tables().forEach(t -> entries.addAll(tables.entries(t)));
        // Written after every table, so that they do not cut the run of tables the schema step creates in parallel.
        catalog.sequences().stream().filter(serials::madeByTable).forEach(s -> entries.add(serialSequence(s)));
        catalog.sequences().forEach(s -> entries.add(sequencePosition(s)));
        ViewWriter views = new ViewWriter(catalog.views(), options, session.user(), dependencies, this::dependsOn);
        catalog.views().forEach(v -> entries.addAll(views.entries(v)));
        entries.addAll(new IndexWriter(this, tree).entries());
        entries.add(DatabaseProperties.entry(catalog.database(), options));
        return lastOfAll(defaultPrivilegesLast(LeftOut.apply(entries, options)), Kind.EVENT_TRIGGER);
    }

    /**
     * Makes the entries of one kind wait for every other entry. An event trigger fires on the DDL that
     * follows it, REFRESH MATERIALIZED VIEW included, so it must come after everything else.
     */
    private static List<Entry> lastOfAll(List<Entry> entries, Kind kind) {
        if (entries.stream().noneMatch(e -> kind == e.kind())) {
            return entries;
        }
        Set<ObjectRef> others = new HashSet<>();
        entries.stream().filter(e -> kind != e.kind()).forEach(e -> others.add(e.ref()));
        return entries.stream().map(e -> {
            if (kind != e.kind()) {
                return e;
            }
            Set<ObjectRef> deps = new LinkedHashSet<>(e.dependsOn());
            deps.addAll(others);
            return e.withDependsOn(deps);
        }).toList();
    }

    /**
     * Default privileges also apply to objects created after them. Like the last pass of pg_restore, which
     * is for privileges, they wait until every other object exists (event triggers, which wait for them in
     * turn, excepted).
     */
    private static List<Entry> defaultPrivilegesLast(List<Entry> entries) {
        if (entries.stream().noneMatch(e -> e.kind() == Kind.DEFAULT_PRIVILEGES)) {
            return entries;
        }
        Set<ObjectRef> everythingElse = new HashSet<>();
        for (Entry e : entries) {
            if (e.kind() != Kind.DEFAULT_PRIVILEGES && e.kind() != Kind.EVENT_TRIGGER
                    && e.section() != Section.DATA) {
                everythingElse.add(e.ref());
            }
        }
        List<Entry> ordered = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.kind() == Kind.DEFAULT_PRIVILEGES) {
                Set<ObjectRef> deps = new HashSet<>(e.dependsOn());
                deps.addAll(everythingElse);
                e = e.withDependsOn(deps);
            }
            ordered.add(e);
        }
        return ordered;
    }

    private Entry object(ObjectDef o) {
        Entry whole = object(o, Definitions.create(o), Set.of());
        if (o.split() == null) {
            return whole;
        }
        Entry first = object(o, o.split().create(), o.split().parts());
        List<Entry> later = new ArrayList<>();
        for (ObjectDef part : o.split().later()) {
            Entry e = object(part);
            Set<ObjectRef> deps = new LinkedHashSet<>(e.dependsOn());
            deps.addAll(partDependencies(o.ref(), part.ref()));
            later.add(e.withDependsOn(deps));
        }
        return whole.withSplit(new Split(first.sql(), first.dependsOn(), later));
    }

    private Entry object(ObjectDef o, List<String> create, Set<ObjectRef> withoutParts) {
        List<String> sql = new ArrayList<>(create);
        String designation = Definitions.designation(o);
        owner(sql, designation, o.owner());
        comment(sql, designation, o.comment());
        privileges(sql, o.aclTarget() != null ? o.aclTarget() : designation, o.owner(), o.acl());
        Set<ObjectRef> deps = dependsOn(o.ref(), o.schema(), withoutParts);
        deps.addAll(o.dependsOn());
        return new Entry(o.ref(), o.kind(), o.name(), o.section(), sql, deps, o.table(), Drops.of(o), null, o.rows());
    }

    Catalog catalog() {
        return catalog;
    }

    /** The table's constraints, in catalog order. */
    List<Constraint> constraintsOf(long tableOid) {
        return constraintsByTable.getOrDefault(tableOid, List.of());
    }

    /** The sequences owned by the table's columns (serial columns, OWNED BY), in catalog order. */
    List<SequenceDef> sequencesOwnedBy(long tableOid) {
        return ownedSequences.getOrDefault(tableOid, List.of());
    }

    /** The sequence behind an identity column, or null. */
    SequenceDef identitySequence(long tableOid, String column) {
        return identitySequences.getOrDefault(tableOid, Map.of()).get(column);
    }

    DdlOptions options() {
        return options;
    }

    void privileges(List<String> sql, String target, String owner, String aclJson) {
        if (!options.noAcl()) {
            sql.addAll(Privileges.statements(target, owner, aclJson, !options.noOwner()));
        }
    }

    private Entry schema(Schema s) {
        List<String> sql = new ArrayList<>();
        // Every database has "public" from template0, as pg_dump assumes too. It is not created, not even with
        // IF NOT EXISTS: that still asks for CREATE on the database, which a managed admin may lack. Its owner
        // is set only when the source gave it one of its own (the catalog reports a default owner as none).
        // initdb's comment on it exists on both sides already; one the source removed is removed.
        boolean isPublic = "public".equals(s.name());
        if (!isPublic) {
            sql.add("CREATE SCHEMA " + ident(s.name()));
        }
        owner(sql, "SCHEMA " + ident(s.name()), s.owner());
        if (!isPublic) {
            comment(sql, "SCHEMA " + ident(s.name()), s.comment());
            privileges(sql, "SCHEMA " + ident(s.name()), s.owner(), s.acl());
        } else {
            if (s.comment() == null) {
                sql.add("COMMENT ON SCHEMA public IS NULL");
            } else if (!"standard public schema".equals(s.comment())) {
                comment(sql, "SCHEMA public", s.comment());
            }
            if (!options.noAcl()) {
                sql.addAll(Privileges.publicSchema(s.owner(), s.acl(), !options.noOwner()));
            }
        }
        // public is never dropped: every database has it, with privileges of its own.
        return new Entry(s.ref(), Kind.SCHEMA, s.name(), Section.PRE_DATA, sql, Set.of(), null,
                isPublic ? null : "DROP SCHEMA IF EXISTS " + ident(s.name()));
    }

    private Entry sequence(SequenceDef s) {
        String name = qualified(s.schema(), s.name());
        List<String> sql = new ArrayList<>();
        sql.add("CREATE " + (s.unlogged() ? "UNLOGGED " : "") + "SEQUENCE " + name + (s.dataType() != null ? " AS " + s.dataType() : "") + sequenceOptions(s));
        ownerOfNew(sql, "SEQUENCE " + name, s.owner());
        comment(sql, "SEQUENCE " + name, s.comment());
        privileges(sql, "SEQUENCE " + name, s.owner(), s.acl());
        return new Entry(s.ref(), Kind.SEQUENCE, s.displayName(), Section.PRE_DATA, sql,
                dependsOn(s.ref(), s.schema()), null, "DROP SEQUENCE IF EXISTS " + name);
    }

    /**
     * A sequence that its table's serial column creates, and that its table's owner owns: only its comment and
     * privileges are left to set, once the table exists.
     */
    private Entry serialSequence(SequenceDef s) {
        String name = qualified(s.schema(), s.name());
        List<String> sql = new ArrayList<>();
        comment(sql, "SEQUENCE " + name, s.comment());
        privileges(sql, "SEQUENCE " + name, s.owner(), s.acl());
        Set<ObjectRef> deps = dependsOn(s.ref(), s.schema());
        deps.add(ObjectRef.relation(s.ownedBy().tableOid()));
        return new Entry(s.ref(), Kind.SEQUENCE, s.displayName(), Section.PRE_DATA, sql, deps, null,
                "DROP SEQUENCE IF EXISTS " + name);
    }

    /** The sequence that the column's serial declaration creates with its table, or null. */
    SequenceDef serialSequence(Table t, Column c) {
        return serials.sequenceOf(t, c);
    }

    /** Whether the sequence is made by its table's CREATE TABLE, as a serial column's. */
    boolean madeByItsTable(SequenceDef s) {
        return serials.madeByTable(s);
    }

    /** The options both CREATE SEQUENCE and an identity column take; an identity's type is its column's. */
    static String sequenceOptions(SequenceDef s) {
        return " START WITH " + s.start() + " INCREMENT BY "
                + s.increment() + " MINVALUE " + s.min() + " MAXVALUE " + s.max() + " CACHE " + s.cache()
                + (s.cycle() ? " CYCLE" : " NO CYCLE");
    }

    private Entry sequencePosition(SequenceDef s) {
        String sql = "SELECT pg_catalog.setval(" + literal(qualified(s.schema(), s.name())) + ", " + s.lastValue()
                + ", " + s.isCalled() + ")";
        ObjectRef creator = s.identityOf() != null
                ? ObjectRef.relation(s.identityOf().tableOid()) : s.ref();
        return new Entry(ObjectRef.dataOf(s.oid()), Kind.SEQUENCE_SET, s.displayName(), Section.DATA, List.of(sql),
                Set.of(creator), null);
    }

    /**
     * Whether a key is declared in its table's CREATE TABLE. The key's own entry then only sets what CREATE
     * TABLE cannot (comment, CLUSTER ON, replica identity). On an empty table the server adds a declared key in
     * about 0.05 ms, against 0.35 ms for CREATE UNIQUE INDEX and ADD CONSTRAINT ... USING INDEX, which matters
     * for a schema of thousands of tables; for a table loaded before its keys it is not done. Only a plain
     * b-tree key qualifies, whose index the constraint syntax describes in full: no operator class, collation,
     * order, tablespace or deferral of its own. Partitions and partitioned tables attach their keys instead.
     */
    boolean keyWithTable(Constraint c, Table table) {
        if (plainKeyShape(c, table) == null) {
            return false;
        }
        // CREATE TABLE merges keys of the same shape (columns and INCLUDE) into one, keeping the primary key or
        // else the first: the others would be lost without a word. Only one of each shape goes in the table.
        Constraint first = null;
        for (Constraint other : constraintsByTable.getOrDefault(c.tableOid(), List.of())) {
            if (plainKeyShape(c, table).equals(plainKeyShape(other, table)) && (first == null
                    || other.type() == 'p' && first.type() != 'p'
                    || other.type() == first.type() && other.oid() < first.oid())) {
                first = other;
            }
        }
        return first != null && first.oid() == c.oid();
    }

    /** A plain b-tree key's columns and INCLUDE list as its definition prints them; null for any other. */
    private String plainKeyShape(Constraint c, Table table) {
        if ((c.type() != 'p' && c.type() != 'u') || c.parentOid() != 0 || c.index() == null
                || c.indexDefinition() == null
                || table == null || table.layout().isPartitioned() || table.layout().isPartition()
                || !session.keysWithTable().test(table)) {
            return null;
        }
        Matcher m = PLAIN_KEY.matcher(c.definition());
        return m.matches() && c.indexDefinition().endsWith(" USING btree (" + m.group(1) + ")") ? m.group(1) : null;
    }

    /** What a constraint needs, from pg_depend: for an inline CHECK, its table must wait for the same. */
    Set<ObjectRef> constraintDependencies(ObjectRef constraint) {
        return dependencies.getOrDefault(constraint, Set.of());
    }

    /** The object's catalog dependencies plus its schema. */
    Set<ObjectRef> dependsOn(ObjectRef ref, String schema) {
        return dependsOn(ref, schema, Set.of());
    }

    /**
     * The object's catalog dependencies plus its schema, without the edges that only the given parts of it make
     * (parts created later, on their own).
     */
    Set<ObjectRef> dependsOn(ObjectRef ref, String schema, Set<ObjectRef> withoutParts) {
        Set<ObjectRef> deps;
        if (withoutParts.isEmpty()) {
            deps = new LinkedHashSet<>(dependencies.getOrDefault(ref, Set.of()));
        } else {
            deps = new LinkedHashSet<>(directDependencies.getOrDefault(ref, Set.of()));
            partDependencies.getOrDefault(ref, Map.of()).forEach((part, refs) -> {
                if (!withoutParts.contains(part)) {
                    deps.addAll(refs);
                }
            });
        }
        // What the object's own parts need of the object (a partition's CHECK on its columns) its statement makes.
        deps.remove(ref);
        Long schemaOid = schema == null ? null : schemaOids.get(schema);
        if (schemaOid != null) {
            deps.add(ObjectRef.namespace(schemaOid));
        }
        return deps;
    }

    /** What one part of the object needs: a column default's functions, say. */
    Set<ObjectRef> partDependencies(ObjectRef ref, ObjectRef part) {
        return partDependencies.getOrDefault(ref, Map.of()).getOrDefault(part, Set.of());
    }

    /**
     * The owner of an object that the statements create with a plain CREATE, which fails if it exists: the
     * creating role owns it already, and for that role no ALTER ... OWNER TO is written. A 10,000-table schema
     * spends tens of thousands of round trips on such statements otherwise.
     */
    void ownerOfNew(List<String> sql, String object, String owner) {
        if (owner == null || !owner.equals(session.user())) {
            owner(sql, object, owner);
        }
    }

    void owner(List<String> sql, String object, String owner) {
        if (!options.noOwner() && owner != null) {
            sql.add("ALTER " + object + " OWNER TO " + ident(owner));
        }
    }

    static void comment(List<String> sql, String object, String comment) {
        if (comment != null) {
            sql.add("COMMENT ON " + object + " IS " + literal(comment));
        }
    }
}
