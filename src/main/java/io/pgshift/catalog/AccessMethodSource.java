package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.List;

import io.pgshift.object.Section;

import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Reads user-defined access methods, of tables (12+) and of indexes. Only a superuser may create one; they have
 * no owner and no privileges. The handler is usually a built-in function ({@code heap_tableam_handler}), or one
 * of the source's own, which the catalog's dependencies then create first.
 */
final class AccessMethodSource implements ObjectSource {
    /** Oids below this belong to the access methods initdb made, which every target has. */
    private static final int FIRST_USER_OID = 16384;

    @Override
    public List<ObjectDef> read(SourceContext ctx) throws SQLException {
        return ctx.list("""
                SELECT am.oid, am.amname, am.amtype, hn.nspname AS handler_schema, h.proname AS handler,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = am.oid AND cmt.classoid = 'pg_catalog.pg_am'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_am am
                JOIN pg_catalog.pg_proc h ON h.oid = am.amhandler
                JOIN pg_catalog.pg_namespace hn ON hn.oid = h.pronamespace
                WHERE am.oid >= %d AND %s
                ORDER BY am.amname""".formatted(FIRST_USER_OID, SourceContext.notExtensionMember("pg_am", "am.oid")),
                rs -> ObjectDef.read(ObjectRef.of("pg_am", rs.getLong("oid")), Kind.ACCESS_METHOD, null,
                                rs.getString("amname"), Section.PRE_DATA, new AccessMethod(rs.getString("amname"),
                                        "t".equals(rs.getString("amtype")), new QualifiedName(
                                        rs.getString("handler_schema"), rs.getString("handler"))))
                        .withComment(rs.getString("comment")));
    }
}
