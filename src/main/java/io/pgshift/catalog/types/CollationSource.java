package io.pgshift.catalog.types;

import java.sql.SQLException;
import java.util.List;

import io.pgshift.catalog.ObjectDef;
import io.pgshift.catalog.QualifiedName;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.ObjectSource;
import io.pgshift.catalog.Queries;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.SourceContext;
import io.pgshift.object.Section;
import io.pgshift.object.Kind;

/**
 * User-defined collations. Where the locale is kept moved over the versions: libc's in collcollate and
 * collctype always; ICU's in collcollate before 15, colliculocale in 15 and 16, colllocale from 17 (which
 * also holds the builtin provider's). Providers exist from 10, nondeterministic collations from 12, ICU
 * rules from 16.
 * <p>
 * The collation's version is not carried over: it records which library version the collation's sort order
 * came from, and the target must record its own library's, so that a change of order is noticed there.
 */
public final class CollationSource implements ObjectSource {
    @Override
    public List<ObjectDef> read(SourceContext context) throws SQLException {
        ServerVersion v = context.version();
        return context.list("""
                SELECT co.oid, n.nspname, co.collname, pg_catalog.pg_get_userbyid(co.collowner) AS owner,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = co.oid AND cmt.classoid = 'pg_catalog.pg_collation'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment,
                       %s AS provider, co.collcollate, co.collctype, %s AS locale, %s AS deterministic,
                       %s AS rules
                FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace n ON n.oid = co.collnamespace
                WHERE %s AND %s
                ORDER BY co.oid""".formatted(v.atLeast(10) ? "co.collprovider" : "'c'::\"char\"",
                        v.atLeast(17) ? "co.colllocale" : v.atLeast(15) ? "co.colliculocale" : "NULL::text",
                        v.atLeast(12) ? "co.collisdeterministic" : "true",
                        v.atLeast(16) ? "co.collicurules" : "NULL::text", SourceContext.userSchema("n.nspname"),
                        SourceContext.notExtensionMember("pg_collation", "co.oid")),
                rs -> ObjectDef.read(ObjectRef.of("pg_collation", rs.getLong("oid")), Kind.COLLATION,
                                rs.getString("nspname"), rs.getString("nspname") + "." + rs.getString("collname"),
                                Section.PRE_DATA, new Collation(new QualifiedName(rs.getString("nspname"),
                                        rs.getString("collname")), Queries.charOf(rs, "provider"), v.atLeast(10),
                                        rs.getBoolean("deterministic"), rs.getString("collcollate"),
                                        rs.getString("collctype"), rs.getString("locale"), rs.getString("rules")))
                        .withOwner(rs.getString("owner")).withComment(rs.getString("comment")));
    }
}
