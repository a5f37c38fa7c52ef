package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.object.Section;

import static io.pgshift.catalog.Queries.charOf;
import static io.pgshift.sql.Sql.ident;
import static io.pgshift.sql.Sql.qualified;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Reads triggers, constraint triggers included. Left out are the triggers the server makes itself: those
 * behind foreign keys (internal) and the copies of a partitioned table's trigger on each partition, which
 * CREATE TRIGGER on the partitioned table makes again. A copy whose enabled state differs from its
 * parent's is kept as an ALTER TABLE of that state alone. Triggers come after the data, as in pg_dump,
 * so that none fires while rows are loaded.
 */
final class TriggerSource implements ObjectSource {
    static final String CATALOG = "pg_trigger";

    @Override
    public List<ObjectDef> read(SourceContext ctx) throws SQLException {
        List<ObjectDef> defs = new ArrayList<>(triggers(ctx));
        if (ctx.version().atLeast(11)) {
            defs.addAll(partitionStates(ctx));
        }
        return defs;
    }

    private static List<ObjectDef> triggers(SourceContext ctx) throws SQLException {
        // From 13 on a partition's copy records its parent; from 15 on it is no longer marked internal.
        String notACopy = ctx.version().atLeast(13) ? "AND t.tgparentid = 0" : "";
        return ctx.list("""
                SELECT t.oid, t.tgrelid, n.nspname, c.relname, t.tgname,
                       pg_catalog.pg_get_triggerdef(t.oid, false) AS definition, t.tgenabled,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = t.oid AND cmt.classoid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_trigger t
                JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE NOT t.tgisinternal %s AND %s AND %s AND %s
                ORDER BY n.nspname, c.relname, t.tgname""".formatted(notACopy, SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_class", "c.oid"),
                        SourceContext.notExtensionMember(CATALOG, "t.oid")),
                rs -> {
                    String table = qualified(rs.getString(3), rs.getString(4));
                    String name = rs.getString(5);
                    List<String> sql = new ArrayList<>();
                    sql.add(rs.getString(6));
                    String state = enabledState(table, name, charOf(rs, "tgenabled"));
                    if (state != null) {
                        sql.add(state);
                    }
                    return trigger(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), name, sql)
                            .withComment(rs.getString(8));
                });
    }

    /**
     * Copies on partitions whose enabled state differs from their parent trigger's. Each waits for every
     * trigger above it, since ALTER TABLE on a partitioned table sets the state of the copies below too.
     */
    private static List<ObjectDef> partitionStates(SourceContext ctx) throws SQLException {
        // 11 and 12 record a copy's parent only in pg_depend.
        String parent = ctx.version().atLeast(13) ? "NULLIF(t.tgparentid, 0)" : """
                (SELECT d.refobjid FROM pg_catalog.pg_depend d
                 WHERE d.classid = 'pg_catalog.pg_trigger'::pg_catalog.regclass AND d.objid = t.oid
                   AND d.refclassid = 'pg_catalog.pg_trigger'::pg_catalog.regclass)""";
        record Copy(long oid, long tableOid, String schema, String table, String name, long parent, char state,
                    boolean differs) {
        }
        List<Copy> copies = ctx.list("""
                SELECT t.oid, t.tgrelid, n.nspname, c.relname, t.tgname, p.oid AS parent, t.tgenabled,
                       t.tgenabled <> p.tgenabled AS differs
                FROM pg_catalog.pg_trigger t
                JOIN pg_catalog.pg_trigger p ON p.oid = %s
                JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE %s
                ORDER BY n.nspname, c.relname, t.tgname""".formatted(parent, SourceContext.userSchema("n.nspname")),
                rs -> new Copy(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getLong(6), charOf(rs, "tgenabled"), rs.getBoolean(8)));
        Map<Long, Long> parents = new HashMap<>();
        copies.forEach(c -> parents.put(c.oid(), c.parent()));
        List<ObjectDef> defs = new ArrayList<>();
        for (Copy c : copies) {
            if (!c.differs()) {
                continue;
            }
            String table = qualified(c.schema(), c.table());
            String state = c.state() == 'O' ? "ALTER TABLE " + table + " ENABLE TRIGGER " + ident(c.name())
                    : enabledState(table, c.name(), c.state());
            ObjectDef def = trigger(c.oid(), c.tableOid(), c.schema(), c.table(), c.name(), List.of(state));
            Set<ObjectRef> deps = new HashSet<>(def.dependsOn());
            for (Long p = c.parent(); p != null; p = parents.get(p)) {
                deps.add(ObjectRef.of(CATALOG, p));
            }
            defs.add(def.withDependencies(deps));
        }
        return defs;
    }

    static ObjectDef trigger(long oid, long tableOid, String schema, String table, String name,
                                     List<String> sql) {
        ObjectRef tableRef = ObjectRef.relation(tableOid);
        return ObjectDef.of(ObjectRef.of(CATALOG, oid), Kind.TRIGGER, schema, schema + "." + table + "." + name,
                        "TRIGGER " + ident(name) + " ON " + qualified(schema, table), Section.POST_DATA, sql)
                .withDependencies(Set.of(tableRef, ObjectRef.dataOf(tableOid)))
                .withTable(tableRef);
    }

    /** The ALTER TABLE that gives a trigger its state, or null for the state CREATE TRIGGER gives it. */
    private static String enabledState(String table, String trigger, char state) {
        String action = switch (state) {
            case 'D' -> "DISABLE TRIGGER ";
            case 'R' -> "ENABLE REPLICA TRIGGER ";
            case 'A' -> "ENABLE ALWAYS TRIGGER ";
            default -> null;
        };
        return action == null ? null : "ALTER TABLE " + table + " " + action + ident(trigger);
    }
}
