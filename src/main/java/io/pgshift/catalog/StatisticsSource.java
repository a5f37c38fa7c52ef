package io.pgshift.catalog;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import io.pgshift.object.Section;

import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Reads extended statistics objects (CREATE STATISTICS, 10+). They come after the data, as in pg_dump;
 * the ANALYZE at the end of the copy fills them.
 */
final class StatisticsSource implements ObjectSource {

    @Override
    public List<ObjectDef> read(SourceContext ctx) throws SQLException {
        if (!ctx.version().atLeast(10)) {
            return List.of();
        }
        // A per-object statistics target arrived in 13; -1 (NULL from 17 on) means the columns' own.
        String target = ctx.version().atLeast(13) ? "COALESCE(s.stxstattarget, -1)" : "-1";
        return ctx.list("""
                SELECT s.oid, s.stxrelid, n.nspname, s.stxname, pg_catalog.pg_get_statisticsobjdef(s.oid) AS definition,
                       pg_catalog.pg_get_userbyid(s.stxowner) AS owner,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = s.oid AND cmt.classoid = 'pg_catalog.pg_statistic_ext'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment, %s AS target,
                       pg_catalog.quote_ident(n.nspname) || '.' || pg_catalog.quote_ident(s.stxname) AS quoted,
                       s.stxkind::text[] AS kinds
                FROM pg_catalog.pg_statistic_ext s
                JOIN pg_catalog.pg_namespace n ON n.oid = s.stxnamespace
                WHERE %s AND %s
                ORDER BY n.nspname, s.stxname""".formatted(target, SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_statistic_ext", "s.oid")),
                rs -> {
                    ObjectRef tableRef = ObjectRef.relation(rs.getLong(2));
                    Array kinds = rs.getArray("kinds");
                    return ObjectDef.read(ObjectRef.of("pg_statistic_ext", rs.getLong(1)), Kind.STATISTICS,
                                    rs.getString(3), rs.getString(3) + "." + rs.getString(4), Section.POST_DATA,
                                    new Statistics(new QualifiedName(rs.getString(3), rs.getString(4)),
                                            rs.getString(5), rs.getString("quoted"), List.of((String[]) kinds.getArray()),
                                            !ctx.version().atLeast(12), rs.getInt(8)))
                            .withOwner(rs.getString(6))
                            .withComment(rs.getString(7))
                            .withDependencies(Set.of(tableRef, ObjectRef.dataOf(rs.getLong(2))))
                            .withTable(tableRef);
                });
    }
}
