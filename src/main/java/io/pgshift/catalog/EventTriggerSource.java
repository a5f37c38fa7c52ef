package io.pgshift.catalog;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.pgshift.sql.Sql;
import io.pgshift.object.Section;

import static io.pgshift.catalog.Queries.charOf;
import static io.pgshift.sql.Sql.ident;
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
                       pg_catalog.quote_ident(fn.nspname) || '.' || pg_catalog.quote_ident(f.proname) AS function,
                       et.evtenabled, et.evttags, (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = et.oid AND cmt.classoid = 'pg_catalog.pg_event_trigger'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_event_trigger et
                JOIN pg_catalog.pg_proc f ON f.oid = et.evtfoid
                JOIN pg_catalog.pg_namespace fn ON fn.oid = f.pronamespace
                WHERE %s
                ORDER BY et.evtname""".formatted(SourceContext.notExtensionMember("pg_event_trigger", "et.oid")),
                rs -> {
                    String name = ident(rs.getString(2));
                    String tags = tags(rs.getArray(7));
                    List<String> sql = new ArrayList<>();
                    // EXECUTE PROCEDURE, not FUNCTION: every version from 9.6 to 18 accepts it.
                    sql.add("CREATE EVENT TRIGGER " + name + " ON " + ident(rs.getString(3))
                            + (tags.isEmpty() ? "" : "\n    WHEN TAG IN (" + tags + ")")
                            + "\n    EXECUTE PROCEDURE " + rs.getString(5) + "()");
                    String state = switch (charOf(rs, "evtenabled")) {
                        case 'D' -> "DISABLE";
                        case 'R' -> "ENABLE REPLICA";
                        case 'A' -> "ENABLE ALWAYS";
                        default -> null;
                    };
                    if (state != null) {
                        sql.add("ALTER EVENT TRIGGER " + name + " " + state);
                    }
                    return ObjectDef.of(ObjectRef.of("pg_event_trigger", rs.getLong(1)), Kind.EVENT_TRIGGER, null,
                                    rs.getString(2), "EVENT TRIGGER " + name, Section.POST_DATA, sql)
                            .withOwner(rs.getString(4))
                            .withComment(rs.getString(8));
                });
    }

    private static String tags(Array array) throws SQLException {
        if (array == null) {
            return "";
        }
        try {
            return Stream.of((String[]) array.getArray()).map(Sql::literal).collect(Collectors.joining(", "));
        } finally {
            array.free();
        }
    }
}
