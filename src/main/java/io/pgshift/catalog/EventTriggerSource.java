package io.pgshift.catalog;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;

import io.pgshift.object.Section;

import static io.pgshift.catalog.Queries.charOf;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Reads event triggers. The DDL writer makes them the very last entries: an event trigger fires on every
 * later CREATE, ALTER or REFRESH of the restore itself.
 */
final class EventTriggerSource implements ObjectSource {

    @Override
    public List<ObjectDef> read(SourceContext ctx) throws SQLException {
        return ctx.list("""
                SELECT et.oid, et.evtname, et.evtevent, pg_catalog.pg_get_userbyid(et.evtowner) AS owner,
                       fn.nspname AS function_schema, f.proname AS function,
                       et.evtenabled, et.evttags, (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = et.oid AND cmt.classoid = 'pg_catalog.pg_event_trigger'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_event_trigger et
                JOIN pg_catalog.pg_proc f ON f.oid = et.evtfoid
                JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
                WHERE %s
                ORDER BY et.evtname""".formatted(SourceContext.notExtensionMember("pg_event_trigger", "et.oid")),
                rs -> ObjectDef.read(ObjectRef.of("pg_event_trigger", rs.getLong("oid")), Kind.EVENT_TRIGGER, null,
                                rs.getString("evtname"), Section.POST_DATA, new EventTrigger(rs.getString("evtname"),
                                        rs.getString("evtevent"), new QualifiedName(rs.getString("function_schema"),
                                        rs.getString("function")), tags(rs.getArray("evttags")),
                                        charOf(rs, "evtenabled")))
                        .withOwner(rs.getString("owner"))
                        .withComment(rs.getString("comment")));
    }

    private static List<String> tags(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        try {
            return List.of((String[]) array.getArray());
        } finally {
            array.free();
        }
    }
}
