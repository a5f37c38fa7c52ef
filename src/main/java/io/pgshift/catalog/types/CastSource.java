package io.pgshift.catalog.types;

import java.sql.SQLException;
import java.util.List;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.catalog.QualifiedName;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ObjectSource;
import io.pgshift.catalog.Queries;
import io.pgshift.catalog.SourceContext;
import io.pgshift.object.Section;
import io.pgshift.object.Kind;

/**
 * User-defined casts. initdb's casts have oids below 16384 and exist on every target, so only casts from
 * 16384 on are read (even between built-in types). Left out are the casts an extension created, and those
 * internal to another object: from 14 on, each range type has a cast to its multirange, made with it. A cast
 * has neither owner nor privileges.
 */
public final class CastSource implements ObjectSource {
    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        return context.list("""
                SELECT c.oid, pg_catalog.format_type(c.castsource, NULL) AS source,
                       pg_catalog.format_type(c.casttarget, NULL) AS target, c.castmethod, c.castcontext,
                       %s AS function,
                       (SELECT pg_catalog.oidvectortypes(p.proargtypes) FROM pg_catalog.pg_proc p
                        WHERE p.oid = c.castfunc) AS arguments,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = c.oid AND cmt.classoid = 'pg_catalog.pg_cast'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_cast c
                WHERE c.oid >= 16384 AND %s
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                  WHERE d.classid = 'pg_catalog.pg_cast'::pg_catalog.regclass AND d.objid = c.oid
                                    AND d.deptype = 'i')
                ORDER BY c.oid""".formatted(Names.function("c.castfunc"),
                        SourceContext.notExtensionMember("pg_cast", "c.oid")),
                rs -> {
                    String[] function = Names.texts(rs, "function");
                    return ObjectDef.read(ObjectRef.of("pg_cast", rs.getLong("oid")), Kind.CAST, null,
                                    rs.getString("source") + " AS " + rs.getString("target"), Section.PRE_DATA,
                                    new Cast(rs.getString("source"), rs.getString("target"),
                                            Queries.charOf(rs, "castmethod"), function.length == 0 ? null
                                            : new QualifiedName(function[0], function[1]), rs.getString("arguments"),
                                            Queries.charOf(rs, "castcontext")))
                            .withComment(rs.getString("comment"));
                });
    }
}
