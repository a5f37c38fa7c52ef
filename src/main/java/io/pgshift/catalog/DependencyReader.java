package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static io.pgshift.catalog.Queries.list;

/**
 * Reads the edges of pg_depend that decide creation order, for objects of every catalog. A view's
 * dependencies are recorded on its rewrite rule and a column default's on its pg_attrdef row; both are
 * folded onto the owning relation, which is the object pgshift creates. A dependency on a member of an
 * extension (a column of type hstore) is a dependency on the extension, whose CREATE EXTENSION makes the
 * member. Auto dependencies (OWNED BY,
 * a constraint's on its table) are left out: they would form cycles, and the statements that create such
 * objects carry the edge themselves.
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
                       CASE WHEN r.oid IS NOT NULL AND r.rulename = '_RETURN' THEN 'pg_class'
                            WHEN ad.oid IS NOT NULL THEN 'pg_class'
                            ELSE d.classid::pg_catalog.regclass::text END AS catalog,
                       CASE WHEN r.oid IS NOT NULL AND r.rulename = '_RETURN' THEN r.ev_class
                            ELSE COALESCE(ad.adrelid, d.objid) END AS objid,
                       CASE WHEN m.refobjid IS NOT NULL THEN 'pg_extension'
                            ELSE d.refclassid::pg_catalog.regclass::text END AS refcatalog,
                       COALESCE(m.refobjid, d.refobjid) AS refobjid
                FROM pg_catalog.pg_depend d
                LEFT JOIN pg_catalog.pg_depend m
                       ON m.classid = d.refclassid AND m.objid = d.refobjid AND m.objsubid = 0 AND m.deptype = 'e'
                      AND m.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                LEFT JOIN pg_catalog.pg_rewrite r
                       ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid = d.objid
                LEFT JOIN pg_catalog.pg_attrdef ad
                       ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND ad.oid = d.objid
                WHERE d.deptype = 'n' AND d.refobjid >= %d AND d.objid >= %d""".formatted(FIRST_USER_OID,
                        FIRST_USER_OID),
                rs -> new Dependency(ObjectRef.of(rs.getString(1), rs.getLong(2)),
                        ObjectRef.of(rs.getString(3), rs.getLong(4))));
    }
}
