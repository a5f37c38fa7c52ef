package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

import static io.pgshift.catalog.Queries.list;

/**
 * Reads the edges of pg_depend that decide creation order. A view's dependencies are recorded on its
 * rewrite rule and a column default's on its pg_attrdef row; both are folded onto the owning relation,
 * which is the object pgshift creates. Auto dependencies (OWNED BY) are left out: they would form a
 * cycle between a table and its serial sequence, and OWNED BY is set by a statement of its own.
 */
final class DependencyReader {
    /** Oids below this belong to objects created by initdb, which the target already has. */
    private static final int FIRST_USER_OID = 16384;

    private final Connection connection;

    DependencyReader(Connection connection) {
        this.connection = connection;
    }

    List<Dependency> read() throws SQLException {
        return list(connection, """
                SELECT DISTINCT
                       CASE WHEN d.classid IN ('pg_catalog.pg_rewrite'::pg_catalog.regclass,
                                               'pg_catalog.pg_attrdef'::pg_catalog.regclass)
                            THEN 'pg_catalog.pg_class'::pg_catalog.regclass::oid ELSE d.classid END AS classid,
                       COALESCE(r.ev_class, ad.adrelid, d.objid) AS objid,
                       d.refclassid, d.refobjid
                FROM pg_catalog.pg_depend d
                LEFT JOIN pg_catalog.pg_rewrite r
                       ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid = d.objid
                LEFT JOIN pg_catalog.pg_attrdef ad
                       ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND ad.oid = d.objid
                WHERE d.deptype = 'n' AND d.refobjid >= %d""".formatted(FIRST_USER_OID),
                rs -> {
                    ObjectRef.Kind from = ObjectRef.Kind.ofCatalog(rs.getLong(1));
                    ObjectRef.Kind to = ObjectRef.Kind.ofCatalog(rs.getLong(3));
                    if (from == null || to == null) {
                        return null;
                    }
                    return new Dependency(new ObjectRef(from, rs.getLong(2)), new ObjectRef(to, rs.getLong(4)));
                }).stream().filter(Objects::nonNull).toList();
    }
}
