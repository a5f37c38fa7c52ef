package io.pgshift.ddl;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.Constraint;
import io.pgshift.catalog.Index;
import io.pgshift.catalog.IndexDetails;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.Table;
import io.pgshift.catalog.View;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;

import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.qualified;
import io.pgshift.object.Kind;

/**
 * Writes the post-data entries of tables: constraints added after the rows, indexes, and the ATTACH
 * PARTITION that joins a partition's index to its partitioned table's. As pg_dump does, a partitioned
 * table's index or key is created ON ONLY that table and each partition's own index attached to it, so
 * every index keeps its name.
 */
final class IndexWriter {
    /** What creates an index: its own entry, or its constraint's. */
    private record Creator(ObjectRef ref, String name, long parentIndexOid) {
    }

    private final DdlWriter ddl;
    private final TableTree tree;
    private final Map<Long, Creator> creators = new HashMap<>();
    private final Map<Long, List<Long>> attachedIndexes = new HashMap<>();

    IndexWriter(DdlWriter ddl, TableTree tree) {
        this.ddl = ddl;
        this.tree = tree;
        Catalog catalog = ddl.catalog();
        for (Constraint c : catalog.constraints()) {
            if (c.hasIndex() && c.index() != null) {
                creators.put(c.indexOid(), new Creator(c.ref(), qualified(c.schema(), c.name()),
                        c.index().parentIndexOid()));
            }
        }
        for (Index i : catalog.indexes()) {
            creators.put(i.oid(), new Creator(i.ref(), qualified(i.schema(), i.name()), i.details().parentIndexOid()));
        }
        creators.forEach((oid, creator) -> {
            if (creator.parentIndexOid() != 0) {
                attachedIndexes.computeIfAbsent(creator.parentIndexOid(), k -> new ArrayList<>()).add(oid);
            }
        });
    }

    List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        for (Constraint c : ddl.catalog().constraints()) {
            if (written(c)) {
                entries.add(constraint(c));
            }
        }
        for (Index i : ddl.catalog().indexes()) {
            entries.add(index(i));
        }
        creators.forEach((oid, creator) -> {
            if (creator.parentIndexOid() != 0 && creators.containsKey(creator.parentIndexOid())) {
                entries.add(attach(oid, creator));
            }
        });
        return entries;
    }

    /**
     * Whether the constraint needs an entry of its own. Valid CHECK constraints are part of CREATE TABLE,
     * inherited ones come with their parent's, and a partition's foreign key is cloned from its partitioned
     * table's; a partition's key or exclusion constraint is written and attached like its index.
     */
    private static boolean written(Constraint c) {
        return switch (c.type()) {
            case 'c' -> !c.validated() && c.local();
            case 'f' -> c.parentOid() == 0;
            default -> true;
        };
    }

    private Entry constraint(Constraint c) {
        Table table = tree.table(c.tableOid());
        String tableName = qualified(c.schema(), c.table());
        // A CHECK constraint reaches the children, as on the source; a foreign key on a partitioned table
        // reaches its partitions; keys and exclusions are created ONLY here and attached per partition.
        boolean only = c.hasIndex() || (c.isForeignKey() && !table.layout().isPartitioned());
        String alter = "ALTER TABLE " + (only ? "ONLY " : "") + tableName + " ADD CONSTRAINT " + ident(c.name()) + " ";
        List<String> sql = new ArrayList<>();
        if (ddl.keyWithTable(c, table)) {
            indexProperties(sql, tableName, c.schema(), c.name(), c.index());
        } else if (c.hasIndex() && c.index() != null && buildsIndexFirst(c, table)) {
            indexStatement(sql, c.indexDefinition(), c.index().tablespace());
            sql.add(alter + (c.type() == 'p' ? "PRIMARY KEY" : "UNIQUE") + " USING INDEX " + ident(c.name()));
            indexProperties(sql, tableName, c.schema(), c.name(), c.index());
        } else if (c.hasIndex() && c.index() != null) {
            indexStatement(sql, alter + definition(c), c.type() == 'x' ? c.index().tablespace() : null);
            indexProperties(sql, tableName, c.schema(), c.name(), c.index());
        } else {
            sql.add(alter + c.definition());
        }
        DdlWriter.comment(sql, "CONSTRAINT " + ident(c.name()) + " ON " + tableName, c.comment());
        Set<ObjectRef> deps = ddl.dependsOn(c.ref(), c.schema());
        deps.add(table.ref());
        deps.addAll(tree.dataNeeded(c.tableOid(), c.isCheck()));
        if (c.isForeignKey()) {
            deps.addAll(tree.dataNeeded(c.referencedTableOid(), false));
            // A key of a partitioned table is usable only once every partition's index is attached.
            deps.addAll(attachesBelow(c.indexOid()));
        }
        Kind kind = switch (c.type()) {
            case 'p' -> Kind.PRIMARY_KEY;
            case 'u' -> Kind.UNIQUE;
            case 'f' -> Kind.FOREIGN_KEY;
            case 'x' -> Kind.EXCLUSION;
            default -> Kind.CHECK;
        };
        return new Entry(c.ref(), kind, c.schema() + "." + c.table() + "." + c.name(), Section.POST_DATA, sql, deps,
                table.ref(), "ALTER TABLE IF EXISTS " + tableName + " DROP CONSTRAINT IF EXISTS " + ident(c.name()));
    }

    /**
     * Whether a key is built as a unique index first and then made a constraint with ADD CONSTRAINT ... USING
     * INDEX. ADD PRIMARY KEY holds an ACCESS EXCLUSIVE lock on the table while it sorts, so the table's other
     * indexes wait for it; CREATE UNIQUE INDEX takes a SHARE lock, which lets them all build at once. Only a
     * plain b-tree key of an ordinary table qualifies: a partitioned table's keys are attached per partition,
     * a deferrable key's index is not immediate, and PostgreSQL 18's WITHOUT OVERLAPS keys are GiST.
     */
    private static boolean buildsIndexFirst(Constraint c, Table table) {
        return (c.type() == 'p' || c.type() == 'u') && c.parentOid() == 0 && !table.layout().isPartitioned()
                && c.indexDefinition() != null && c.indexDefinition().contains(" USING btree (")
                && !c.definition().contains(" DEFERRABLE") && !c.definition().contains("WITHOUT OVERLAPS");
    }

    /** pg_get_constraintdef names a key's tablespace itself; --no-tablespaces takes it out. */
    private String definition(Constraint c) {
        String tablespace = c.index().tablespace();
        if (tablespace == null || !ddl.options().noTablespaces()) {
            return c.definition();
        }
        return c.definition().replace(" USING INDEX TABLESPACE " + ident(tablespace), "");
    }

    private Entry index(Index i) {
        Table table = tree.table(i.tableOid());
        if (table == null) {
            return materializedViewIndex(i);
        }
        List<String> sql = new ArrayList<>();
        String tableName = qualified(table.schema(), table.name());
        indexStatement(sql, i.definition(), i.details().tablespace());
        indexProperties(sql, tableName, i.schema(), i.name(), i.details());
        for (String target : i.details().statistics()) {
            String[] columnAndTarget = target.split(" ");
            sql.add("ALTER INDEX " + qualified(i.schema(), i.name()) + " ALTER COLUMN " + columnAndTarget[0]
                    + " SET STATISTICS " + columnAndTarget[1]);
        }
        Set<ObjectRef> deps = ddl.dependsOn(i.ref(), i.schema());
        deps.add(table.ref());
        deps.addAll(tree.dataNeeded(i.tableOid(), false));
        return new Entry(i.ref(), Kind.INDEX, i.schema() + "." + i.name(), Section.POST_DATA, sql, deps, table.ref(),
                "DROP INDEX IF EXISTS " + qualified(i.schema(), i.name()));
    }

    /** An index on a materialized view: built once the view has been refreshed. */
    private Entry materializedViewIndex(Index i) {
        View view = ddl.catalog().views().stream().filter(v -> v.oid() == i.tableOid()).findFirst().orElseThrow(
                () -> new IllegalStateException("index " + i.name() + " belongs to no table or materialized view"));
        List<String> sql = new ArrayList<>();
        String viewName = qualified(view.schema(), view.name());
        indexStatement(sql, i.definition(), i.details().tablespace());
        indexProperties(sql, viewName, i.schema(), i.name(), i.details());
        Set<ObjectRef> deps = ddl.dependsOn(i.ref(), i.schema());
        deps.add(view.ref());
        deps.add(ObjectRef.dataOf(view.oid()));
        return new Entry(i.ref(), Kind.INDEX, i.schema() + "." + i.name(), Section.POST_DATA, sql, deps, view.ref(),
                "DROP INDEX IF EXISTS " + qualified(i.schema(), i.name()));
    }

    /**
     * The statement that builds an index, in its tablespace. pg_get_indexdef and an exclusion constraint's
     * definition do not name the tablespace, so it is set as the default around the statement, as pg_dump does.
     */
    private void indexStatement(List<String> sql, String statement, String tablespace) {
        boolean inTablespace = tablespace != null && !ddl.options().noTablespaces();
        if (inTablespace) {
            sql.add("SET default_tablespace = " + ident(tablespace));
        }
        sql.add(statement);
        if (inTablespace) {
            sql.add("SET default_tablespace = ''");
        }
    }

    private void indexProperties(List<String> sql, String tableName, String schema, String indexName,
                                 IndexDetails details) {
        if (details.clustered()) {
            sql.add("ALTER TABLE " + tableName + " CLUSTER ON " + ident(indexName));
        }
        if (details.replicaIdentity()) {
            sql.add("ALTER TABLE ONLY " + tableName + " REPLICA IDENTITY USING INDEX " + ident(indexName));
        }
        DdlWriter.comment(sql, "INDEX " + qualified(schema, indexName), details.comment());
    }

    private Entry attach(long indexOid, Creator child) {
        Creator parent = creators.get(child.parentIndexOid());
        return new Entry(attachRef(indexOid), Kind.INDEX_ATTACH, child.name(), Section.POST_DATA,
                List.of("ALTER INDEX " + parent.name() + " ATTACH PARTITION " + child.name()),
                Set.of(parent.ref(), child.ref()), null);
    }

    private static ObjectRef attachRef(long indexOid) {
        return ObjectRef.of("pg_inherits", indexOid);
    }

    /** The attach entries of every index under a partitioned index, at any depth. */
    private Set<ObjectRef> attachesBelow(long indexOid) {
        Set<ObjectRef> refs = new LinkedHashSet<>();
        for (long child : attachedIndexes.getOrDefault(indexOid, List.of())) {
            refs.add(attachRef(child));
            refs.addAll(attachesBelow(child));
        }
        return refs;
    }
}
