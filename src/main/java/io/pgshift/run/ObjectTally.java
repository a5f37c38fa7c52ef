package io.pgshift.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.Constraint;
import io.pgshift.catalog.Index;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ObjectDef;
import io.pgshift.catalog.SequenceDef;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.View;
import io.pgshift.plan.Entry;
import io.pgshift.plan.Plan;
import io.pgshift.object.Kind;

/**
 * The last step of a copy: the objects the plan made, looked for on the target by a few catalog queries, so that a
 * copy or a restore never ends in success with an object missing. Relations and constraints are looked for by name; routines,
 * triggers, policies, rules and other kinds by count, which the target may only exceed (a --clean copy keeps objects
 * the source does not have). What {@code pgshift verify} compares in full, this only counts.
 */
final class ObjectTally {
    /** The kinds counted on the target; the rest are looked for by name. */
    private static final Set<Kind> COUNTED = EnumSet.of(Kind.FUNCTION, Kind.PROCEDURE, Kind.AGGREGATE, Kind.TRIGGER,
            Kind.POLICY, Kind.RULE, Kind.EXTENSION, Kind.EVENT_TRIGGER);
    /** Kinds of entries that make one relation, named as the target names it. */
    private static final Set<Kind> RELATIONS = EnumSet.of(Kind.TABLE, Kind.VIEW, Kind.MATERIALIZED_VIEW, Kind.SEQUENCE,
            Kind.FOREIGN_TABLE, Kind.INDEX);
    /** Kinds of entries that make one constraint, named schema.table.constraint. */
    private static final Set<Kind> CONSTRAINTS = EnumSet.of(Kind.PRIMARY_KEY, Kind.UNIQUE, Kind.FOREIGN_KEY,
            Kind.EXCLUSION, Kind.CHECK, Kind.CHECK_CONSTRAINT);
    /** SQL: an object in a schema of the user's, {@code n}. */
    private static final String USER_SCHEMA = "n.nspname NOT IN ('pg_catalog', 'information_schema')";

    private ObjectTally() {
    }

    /** What a run must find on the target: objects by name, and how many of each counted kind at least. */
    record Expected(Set<String> named, Map<Kind, Integer> counted) {
    }

    /** What a copy made: the catalog's relations and constraints by name, and the plan's counted kinds. */
    static Expected of(Catalog catalog, Plan plan) {
        Set<String> expected = new HashSet<>();
        catalog.tables().forEach(t -> expected.add(relation("TABLE", t.schema(), t.name())));
        for (View v : catalog.views()) {
            expected.add(relation(v.materialized() ? "MATERIALIZED VIEW" : "VIEW", v.schema(), v.name()));
        }
        for (SequenceDef s : catalog.sequences()) {
            expected.add(relation("SEQUENCE", s.schema(), s.name()));
        }
        for (Index i : catalog.indexes()) {
            expected.add(relation("INDEX", i.schema(), i.name()));
        }
        for (Constraint c : catalog.constraints()) {
            // A partition's clone of its parent's key or foreign key is named by the target itself, as pg_dump lets it.
            if ("pufcx".indexOf(c.type()) >= 0 && c.parentOid() == 0) {
                expected.add("CONSTRAINT " + c.schema() + "." + c.table() + "." + c.name());
            }
        }
        Set<Long> planned = new HashSet<>();
        plan.entries().forEach(e -> planned.add(e.ref().oid()));
        for (ObjectDef o : catalog.objects()) {
            if (o.kind() == Kind.FOREIGN_TABLE && planned.contains(o.ref().oid())) {
                expected.add("FOREIGN TABLE " + o.name());
            }
        }
        return new Expected(expected, counted(plan.entries()));
    }

    /**
     * What a restore made: each entry it ran, by the name the dump gave it. A table's CHECK constraints written
     * inside its CREATE TABLE are not entries of their own, so they are not looked for; {@code verify} compares
     * them.
     */
    static Expected of(List<Entry> ran) {
        Set<String> expected = new HashSet<>();
        for (Entry e : ran) {
            if (RELATIONS.contains(e.kind())) {
                expected.add(e.kind().label() + " " + e.name());
            } else if (CONSTRAINTS.contains(e.kind())) {
                expected.add("CONSTRAINT " + e.name());
            }
        }
        return new Expected(expected, counted(ran));
    }

    private static Map<Kind, Integer> counted(List<Entry> entries) {
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        Set<ObjectRef> countedRefs = new HashSet<>();
        for (Entry e : entries) {
            if (COUNTED.contains(e.kind()) && countedRefs.add(e.ref())) {
                counts.merge(e.kind(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Fails with VERIFICATION_FAILED, naming what is missing, when the target lacks an expected object.
     *
     * @param target a session on the target database
     * @param run    what made the objects, for the message: "copy" or "restore"
     */
    static void check(Connection target, ServerVersion version, Expected expected, String run) throws SQLException {
        List<String> missing = new ArrayList<>(expected.named());
        missing.removeAll(present(target));
        Map<Kind, String> shortfalls = new TreeMap<>();
        for (Map.Entry<Kind, Integer> kind : expected.counted().entrySet()) {
            long found = count(target, countQuery(kind.getKey(), version));
            if (found < kind.getValue()) {
                shortfalls.put(kind.getKey(), kind.getValue() - found + " of " + kind.getValue());
            }
        }
        if (missing.isEmpty() && shortfalls.isEmpty()) {
            return;
        }
        missing.sort(null);
        List<String> named = new ArrayList<>(missing.subList(0, Math.min(10, missing.size())));
        if (missing.size() > 10) {
            named.add("and " + (missing.size() - 10) + " more");
        }
        shortfalls.forEach((kind, howMany) -> named.add(howMany + " " + kind + " objects"));
        throw new PgShiftException(ErrorCode.VERIFICATION_FAILED, "the " + run + " did not create every object of "
                + "its plan; missing on the target: " + String.join(", ", named));
    }

    private static String relation(String kind, String schema, String name) {
        return kind + " " + schema + "." + name;
    }

    /** What the target holds of the kinds looked for by name, named as {@link #check} names them. */
    private static Set<String> present(Connection target) throws SQLException {
        Set<String> names = new HashSet<>();
        try (Statement st = target.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT CASE c.relkind WHEN 'r' THEN 'TABLE' WHEN 'p' THEN 'TABLE' WHEN 'v' THEN 'VIEW'
                            WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE'
                            ELSE 'INDEX' END || ' ' || n.nspname || '.' || c.relname
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f', 'i', 'I')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'
                UNION ALL
                SELECT 'CONSTRAINT ' || n.nspname || '.' || c.relname || '.' || o.conname
                FROM pg_catalog.pg_constraint o JOIN pg_catalog.pg_class c ON c.oid = o.conrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
                UNION ALL
                SELECT 'CONSTRAINT ' || n.nspname || '.' || t.typname || '.' || o.conname
                FROM pg_catalog.pg_constraint o JOIN pg_catalog.pg_type t ON t.oid = o.contypid
                JOIN pg_catalog.pg_namespace n ON n.oid = t.typnamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long count(Connection target, String sql) throws SQLException {
        try (Statement st = target.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** SQL: how many objects of the kind the target holds, outside the system schemas and extensions. */
    private static String countQuery(Kind kind, ServerVersion version) {
        String relation = " JOIN pg_catalog.pg_class c ON c.oid = o.%s JOIN pg_catalog.pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE " + USER_SCHEMA;
        return switch (kind) {
            case FUNCTION -> routines(version.atLeast(11) ? "o.prokind IN ('f', 'w')" : "NOT o.proisagg");
            case PROCEDURE -> routines(version.atLeast(11) ? "o.prokind = 'p'" : "false");
            case AGGREGATE -> routines(version.atLeast(11) ? "o.prokind = 'a'" : "o.proisagg");
            case TRIGGER -> "SELECT count(*) FROM pg_catalog.pg_trigger o" + relation.formatted("tgrelid")
                    + " AND NOT o.tgisinternal";
            case POLICY -> "SELECT count(*) FROM pg_catalog.pg_policy o" + relation.formatted("polrelid");
            case RULE -> "SELECT count(*) FROM pg_catalog.pg_rewrite o" + relation.formatted("ev_class")
                    + " AND o.rulename <> '_RETURN'";
            case EXTENSION -> "SELECT count(*) FROM pg_catalog.pg_extension o WHERE o.extname <> 'plpgsql'";
            case EVENT_TRIGGER -> "SELECT count(*) FROM pg_catalog.pg_event_trigger o";
            default -> throw new IllegalArgumentException(kind.label());
        };
    }

    private static String routines(String kind) {
        return "SELECT count(*) FROM pg_catalog.pg_proc o JOIN pg_catalog.pg_namespace n ON n.oid = o.pronamespace"
                + " WHERE " + USER_SCHEMA + " AND " + kind + " AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d"
                + " WHERE d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass AND d.objid = o.oid"
                + " AND d.deptype = 'e')";
    }
}
