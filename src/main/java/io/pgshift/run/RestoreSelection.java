package io.pgshift.run;

import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pgshift.plan.Entry;
import io.pgshift.object.Kind;

/**
 * Which entries of a dump a restore takes, as pg_restore chooses them: {@code -n} keeps the objects of the named
 * schemas, {@code -t} the named tables, views and sequences with their rows (not their indexes or constraints),
 * both together the named tables of the named schemas; {@code -L} keeps the entries at the listed positions of
 * {@code restore --list}. Names are compared exactly, without patterns.
 *
 * @param listed 1-based positions in the dump's table of contents, or null for every entry
 */
public record RestoreSelection(List<String> schemas, List<String> tables, Set<Integer> listed) {
    public static final RestoreSelection ALL = new RestoreSelection(List.of(), List.of(), null);

    /** What -t matches, as in pg_restore. */
    private static final Set<Kind> TABLE_KINDS = EnumSet.of(Kind.TABLE, Kind.TABLE_DATA, Kind.VIEW, Kind.MATERIALIZED_VIEW, Kind.MATERIALIZED_VIEW_DATA, Kind.SEQUENCE, Kind.SEQUENCE_SET, Kind.FOREIGN_TABLE);

    public RestoreSelection {
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
        listed = listed == null ? null : Set.copyOf(listed);
    }

    public boolean isAll() {
        return schemas.isEmpty() && tables.isEmpty() && listed == null;
    }

    /** The chosen entries, in the dump's order. */
    public List<Entry> select(List<Entry> entries) {
        List<Entry> chosen = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if ((listed == null || listed.contains(i + 1)) && matches(e)) {
                chosen.add(e);
            }
        }
        return chosen;
    }

    private boolean matches(Entry e) {
        if (!tables.isEmpty()) {
            return TABLE_KINDS.contains(e.kind()) && tables.contains(localName(e)) && inChosenSchema(e);
        }
        return inChosenSchema(e);
    }

    private boolean inChosenSchema(Entry e) {
        String schema = schemaOf(e);
        return schemas.isEmpty() || (schema != null && schemas.contains(schema));
    }

    /**
     * The schema of an entry, from its display name ({@code schema.name}); null for objects outside schemas.
     * A schema name that holds a dot is not told apart from its object's name.
     */
    private static String schemaOf(Entry e) {
        if (e.kind() == Kind.SCHEMA) {
            return e.name();
        }
        int dot = e.name().indexOf('.');
        return dot < 0 ? null : e.name().substring(0, dot);
    }

    private static String localName(Entry e) {
        int dot = e.name().indexOf('.');
        return dot < 0 ? e.name() : e.name().substring(dot + 1);
    }
}
