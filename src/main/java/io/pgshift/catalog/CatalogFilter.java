package io.pgshift.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.object.ObjectRef;

/**
 * The object selection of pg_dump's -n, -N, -t, -T and --exclude-table-data, applied to a catalog already read.
 * With -t, only the matching tables (and views, sequences) are taken, with what belongs to them (indexes,
 * constraints, triggers, owned sequences), and -n/-N do not apply, as in pg_dump; nothing they depend on is
 * added. With -n, only the matching schemas and their contents are taken, and objects outside any schema
 * (extensions, languages, casts) are left out.
 */
public record CatalogFilter(List<NamePattern> schemas, List<NamePattern> excludeSchemas, List<NamePattern> tables,
                            List<NamePattern> excludeTables, List<NamePattern> excludeTableData) {

    public static final CatalogFilter NONE = new CatalogFilter(List.of(), List.of(), List.of(), List.of(), List.of());

    public boolean isEmpty() {
        return equals(NONE);
    }

    public Catalog apply(Catalog c) {
        if (isEmpty() || (schemas.isEmpty() && excludeSchemas.isEmpty() && tables.isEmpty() && excludeTables.isEmpty())) {
            return c;
        }
        refuseUnmatched(c);
        Set<String> keptSchemas = new HashSet<>();
        c.schemas().stream().filter(s -> schemaSelected(s.name())).forEach(s -> keptSchemas.add(s.name()));
        List<Table> tableList = c.tables().stream().filter(t -> relationSelected(t.schema(), t.name(), keptSchemas))
                .toList();
        Set<Long> keptTables = new HashSet<>();
        tableList.forEach(t -> keptTables.add(t.oid()));
        List<View> views = c.views().stream().filter(v -> relationSelected(v.schema(), v.name(), keptSchemas)).toList();
        Set<Long> keptRelations = new HashSet<>(keptTables);
        views.forEach(v -> keptRelations.add(v.oid()));
        // A foreign table is read as an object of its own, which is its own table: -t and -T match it by name too.
        c.objects().stream().filter(o -> o.ref().equals(o.table()) && o.schema() != null
                        && relationSelected(o.schema(), o.name().substring(o.schema().length() + 1), keptSchemas))
                .forEach(o -> keptRelations.add(o.ref().oid()));
        List<SequenceDef> sequences = c.sequences().stream().filter(s -> relationSelected(s.schema(), s.name(), keptSchemas)
                || owner(s) != 0 && keptTables.contains(owner(s))).toList();
        return new Catalog(c.version(), c.database(),
                tables.isEmpty() ? c.schemas().stream().filter(s -> keptSchemas.contains(s.name())).toList() : List.of(),
                tableList, sequences, views,
                c.constraints().stream().filter(k -> keptTables.contains(k.tableOid())).toList(),
                c.indexes().stream().filter(i -> keptRelations.contains(i.tableOid())).toList(),
                c.objects().stream().filter(o -> objectSelected(o, keptSchemas, keptRelations)).toList(),
                c.dependencies());
    }

    /**
     * A -t or -n that matches nothing is a mistake, a misspelt name most often: as pg_dump does, it stops the run
     * before anything is written instead of copying less than the user meant.
     */
    private void refuseUnmatched(Catalog c) {
        List<String> unmatched = new ArrayList<>();
        for (NamePattern p : tables) {
            boolean any = c.tables().stream().anyMatch(t -> p.matches(t.schema(), t.name()))
                    || c.views().stream().anyMatch(v -> p.matches(v.schema(), v.name()))
                    || c.sequences().stream().anyMatch(q -> p.matches(q.schema(), q.name()))
                    || c.objects().stream().anyMatch(o -> o.ref().equals(o.table()) && o.schema() != null
                            && p.matches(o.schema(), o.name().substring(o.schema().length() + 1)));
            if (!any) {
                unmatched.add("-t " + p + " matches no table, view, sequence or foreign table");
            }
        }
        for (NamePattern p : schemas) {
            if (c.schemas().stream().noneMatch(s -> p.matches(s.name()))) {
                unmatched.add("-n " + p + " matches no schema");
            }
        }
        if (!unmatched.isEmpty()) {
            throw new PgShiftException(ErrorCode.USAGE, String.join("; ", unmatched)
                    + " of the source; nothing was written");
        }
    }

    /** The rows --exclude-table-data leaves behind: the tables keep their definitions. */
    public Set<ObjectRef> excludedData(Catalog c) {
        Set<ObjectRef> excluded = new HashSet<>();
        for (Table t : c.tables()) {
            if (excludeTableData.stream().anyMatch(p -> p.matches(t.schema(), t.name()))) {
                excluded.add(ObjectRef.dataOf(t.oid()));
            }
        }
        return excluded;
    }

    private boolean schemaSelected(String name) {
        return (schemas.isEmpty() || schemas.stream().anyMatch(p -> p.matches(name)))
                && excludeSchemas.stream().noneMatch(p -> p.matches(name));
    }

    private boolean relationSelected(String schema, String name, Set<String> keptSchemas) {
        boolean chosen = tables.isEmpty() ? keptSchemas.contains(schema)
                : tables.stream().anyMatch(p -> p.matches(schema, name));
        return chosen && excludeTables.stream().noneMatch(p -> p.matches(schema, name));
    }

    private boolean objectSelected(ObjectDef o, Set<String> keptSchemas, Set<Long> keptRelations) {
        if (o.table() != null) {
            return keptRelations.contains(o.table().oid());
        }
        if (!tables.isEmpty()) {
            return false;
        }
        return o.schema() != null ? keptSchemas.contains(o.schema()) : schemas.isEmpty();
    }

    private static long owner(SequenceDef s) {
        return s.ownedBy() != null ? s.ownedBy().tableOid() : s.identityOf() != null ? s.identityOf().tableOid() : 0;
    }
}
