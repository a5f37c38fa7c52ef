package io.pgshift.catalog;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

import io.pgshift.object.Section;

import static io.pgshift.catalog.Queries.charOf;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/**
 * Reads rewrite rules other than the _RETURN rule that makes a view a view (that one is the view's
 * definition). Rules come after the data, as in pg_dump: COPY does not fire them, but a DO ALSO rule
 * must not see rows that are only being restored.
 */
final class RuleSource implements ObjectSource {

    @Override
    public List<ObjectDef> read(SourceContext ctx) throws SQLException {
        return ctx.list("""
                SELECT r.oid, r.ev_class, n.nspname, c.relname, r.rulename,
                       pg_catalog.pg_get_ruledef(r.oid) AS definition, r.ev_enabled,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = r.oid AND cmt.classoid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment
                FROM pg_catalog.pg_rewrite r
                JOIN pg_catalog.pg_class c ON c.oid = r.ev_class
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE r.rulename <> '_RETURN' AND %s AND %s AND %s
                ORDER BY n.nspname, c.relname, r.rulename""".formatted(SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_class", "c.oid"),
                        SourceContext.notExtensionMember("pg_rewrite", "r.oid")),
                rs -> {
                    ObjectRef tableRef = ObjectRef.relation(rs.getLong(2));
                    return ObjectDef.read(ObjectRef.of("pg_rewrite", rs.getLong(1)), Kind.RULE, rs.getString(3),
                                    rs.getString(3) + "." + rs.getString(4) + "." + rs.getString(5), Section.POST_DATA,
                                    new Rule(new QualifiedName(rs.getString(3), rs.getString(4)), rs.getString(5),
                                            rs.getString(6), charOf(rs, "ev_enabled")))
                            .withComment(rs.getString(8))
                            .withDependencies(Set.of(tableRef, ObjectRef.dataOf(rs.getLong(2))))
                            .withTable(tableRef);
                });
    }
}
