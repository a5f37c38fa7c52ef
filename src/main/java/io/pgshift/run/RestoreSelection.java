package io.pgshift.run;

import java.util.EnumSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.object.ObjectRef;
import io.pgshift.plan.Entry;
import io.pgshift.object.Kind;

/**
 * Which entries of a dump a restore takes, as pg_restore chooses them: {@code -n} keeps the objects of the named
 * schemas, {@code -t} the named tables, views and sequences with their rows (not their indexes or constraints),
 * both together the named tables of the named schemas; {@code -L} keeps the entries at the listed positions of
 * {@code restore --list}. Names are compared exactly, without patterns; a -t name with a dot names schema.table.
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

    /**
     * The chosen entries, in the dump's order. A chosen table keeps its schema and the sequences it needs (a serial
     * column's, a default's nextval), with their positions, as pg_restore keeps a table's owned sequence: without
     * them its CREATE TABLE would fail. A -t or -n that matches nothing of the dump is refused, as pg_dump refuses it.
     */
    public List<Entry> select(List<Entry> entries) {
        refuseUnmatched(entries);
        Set<ObjectRef> tablesChosen = new HashSet<>();
        Set<ObjectRef> tablesNeed = new HashSet<>();
        Set<String> tablesSchemas = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if ((listed == null || listed.contains(i + 1)) && matches(e) && TABLE_KINDS.contains(e.kind())) {
                tablesChosen.add(e.ref());
                tablesNeed.addAll(e.dependsOn());
                tablesSchemas.add(schemaOf(e));
            }
        }
        // A serial column's sequence depends on its table, a default's on nothing of it; an identity's position
        // depends on the table that creates the sequence.
        Set<Long> sequences = new HashSet<>();
        for (Entry e : entries) {
            if (e.kind() == Kind.SEQUENCE && (tablesNeed.contains(e.ref())
                    || !Collections.disjoint(e.dependsOn(), tablesChosen))) {
                sequences.add(e.ref().oid());
            }
        }
        List<Entry> chosen = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            boolean tablesSequence = !tables.isEmpty() && (e.kind() == Kind.SEQUENCE || e.kind() == Kind.SEQUENCE_SET)
                    && (sequences.contains(e.ref().oid()) || !Collections.disjoint(e.dependsOn(), tablesChosen));
            // The schema too: a restore goes into an empty database, where the table could not be created without
            // it (pg_restore -t leaves it out, for a database that has it).
            boolean tablesSchema = !tables.isEmpty() && e.kind() == Kind.SCHEMA && tablesSchemas.contains(e.name());
            if ((listed == null || listed.contains(i + 1)) && (matches(e) || tablesSequence || tablesSchema)) {
                chosen.add(e);
            }
        }
        return chosen;
    }

    private void refuseUnmatched(List<Entry> entries) {
        List<String> unmatched = new ArrayList<>();
        for (String t : tables) {
            if (entries.stream().noneMatch(e -> TABLE_KINDS.contains(e.kind()) && namedBy(e, t))) {
                unmatched.add("-t " + t + " matches no table, view or sequence");
            }
        }
        for (String s : schemas) {
            if (entries.stream().noneMatch(e -> s.equals(schemaOf(e)))) {
                unmatched.add("-n " + s + " matches no schema");
            }
        }
        if (!unmatched.isEmpty()) {
            throw new PgShiftException(ErrorCode.USAGE, String.join("; ", unmatched) + " of the dump; nothing was "
                    + "written");
        }
    }

    private boolean matches(Entry e) {
        if (!tables.isEmpty()) {
            return TABLE_KINDS.contains(e.kind()) && tables.stream().anyMatch(t -> namedBy(e, t)) && inChosenSchema(e);
        }
        return inChosenSchema(e);
    }

    /** -t orders names a table of any schema, -t app.orders the one of schema app, as pg_restore reads them. */
    private static boolean namedBy(Entry e, String table) {
        return table.indexOf('.') >= 0 ? table.equals(e.name()) : table.equals(localName(e));
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
