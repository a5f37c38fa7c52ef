package io.pgshift.catalog.routines;

import java.sql.SQLException;
import java.util.List;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ObjectSource;
import io.pgshift.catalog.SourceContext;
import io.pgshift.object.Section;

import static io.pgshift.catalog.routines.CatalogSql.function;
import io.pgshift.object.Kind;

/**
 * Procedural languages created with CREATE LANGUAGE rather than as extensions, which has been rare since 9.1
 * made languages extensions. Those that belong to an extension, and the ones initdb made, are left alone.
 */
public final class LanguageSource implements ObjectSource {
    /** Oids below this belong to objects created by initdb. */
    private static final int FIRST_USER_OID = 16384;

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        return context.list("""
                SELECT l.oid, l.lanname, l.lanpltrusted, %s AS handler, %s AS inline, %s AS validator,
                       pg_catalog.pg_get_userbyid(l.lanowner) AS owner,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = l.oid AND cmt.classoid = 'pg_catalog.pg_language'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment,
                       CASE WHEN l.lanpltrusted THEN %s END AS acl
                FROM pg_catalog.pg_language l
                WHERE l.lanispl AND l.oid >= %d AND %s
                ORDER BY l.lanname""".formatted(function("l.lanplcallfoid"), function("l.laninline"),
                        function("l.lanvalidator"), SourceContext.aclJson("l.lanacl", 'l', "l.lanowner"), FIRST_USER_OID,
                        SourceContext.notExtensionMember("pg_language", "l.oid")),
                // Only a trusted language has privileges: GRANT on an untrusted one fails.
                rs -> ObjectDef.read(ObjectRef.of("pg_language", rs.getLong("oid")), Kind.LANGUAGE, null,
                                rs.getString("lanname"), Section.PRE_DATA, new Language(rs.getString("lanname"),
                                        rs.getBoolean("lanpltrusted"), rs.getString("handler"), rs.getString("inline"),
                                        rs.getString("validator")))
                        .withOwner(rs.getString("owner"))
                        .withComment(rs.getString("comment"))
                        .withAcl(null, rs.getString("acl")));
    }
}
