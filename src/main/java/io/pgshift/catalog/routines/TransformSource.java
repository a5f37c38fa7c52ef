package io.pgshift.catalog.routines;

import java.sql.SQLException;
import java.util.List;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ObjectSource;
import io.pgshift.catalog.SourceContext;
import io.pgshift.sql.Sql;
import io.pgshift.object.Section;

import static io.pgshift.catalog.routines.CatalogSql.functionWithArguments;
import static io.pgshift.catalog.routines.CatalogSql.type;
import io.pgshift.object.Kind;

/**
 * Transforms (CREATE TRANSFORM), which convert a type for a procedural language. They have no owner and no
 * schema; the functions that use one name it with TRANSFORM FOR TYPE and depend on it in pg_depend.
 */
public final class TransformSource implements ObjectSource {

    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        return context.list("""
                SELECT t.oid, %s AS type, l.lanname, %s AS from_sql, %s AS to_sql,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = t.oid AND cmt.classoid = 'pg_catalog.pg_transform'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_transform t JOIN pg_catalog.pg_language l ON l.oid = t.trflang
                WHERE %s
                ORDER BY 2, l.lanname""".formatted(type("t.trftype"), functionWithArguments("t.trffromsql::pg_catalog.oid"),
                        functionWithArguments("t.trftosql::pg_catalog.oid"),
                        SourceContext.notExtensionMember("pg_transform", "t.oid")),
                rs -> ObjectDef.read(ObjectRef.of("pg_transform", rs.getLong("oid")), Kind.TRANSFORM, null,
                                rs.getString("type") + " for " + rs.getString("lanname"), Section.PRE_DATA,
                                new Transform(rs.getString("type"), rs.getString("lanname"), rs.getString("from_sql"),
                                        rs.getString("to_sql")))
                        .withComment(rs.getString("comment")));
    }
}
