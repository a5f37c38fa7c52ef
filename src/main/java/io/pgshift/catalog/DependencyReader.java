package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import static io.pgshift.catalog.Queries.list;
import io.pgshift.object.ObjectRef;

/**
 * Reads the edges of pg_depend that decide creation order, for objects of every catalog. A view's
 * dependencies are recorded on its rewrite rule, a column default's on its pg_attrdef row and a valid
 * domain constraint's on its pg_constraint row; all are folded onto the object pgshift creates (the
 * relation, the domain). A NOT VALID domain constraint is created on its own, after the data, and keeps
 * its edges. Auto dependencies (OWNED BY, a constraint's on its table) are left out: they would form
 * cycles, and the statements that create such objects carry the edge themselves. A column's own are kept: a
 * generated column's expression is one, and the table cannot be created before the functions it calls.
 * <p>
 * Referenced types are folded too, onto the object whose statement creates them: an array type is made
 * with its element type, a multirange with its range, and a row type with its table or composite type
 * (so a composite type is known by its pg_class row). The functions a type needs before it is defined
 * (a base type's I/O functions, a range's canonical function) refer to the type's shell instead of the
 * type, which breaks the cycle between them.
 * <p>
 * A dependency on a member of an extension (a column of type hstore) is a dependency on the extension, whose
 * CREATE EXTENSION makes the member.
 * <p>
 * A column default's and a domain constraint's edges also name that part ({@link Dependency#via()}): the part
 * can be created on its own, after its table or domain, when its edges close a loop.
 */
final class DependencyReader {
    /** Oids below this belong to objects created by initdb, which the target already has. */
    private static final int FIRST_USER_OID = 16384;

    private final Connection connection;
    private final ServerVersion version;

    DependencyReader(Connection connection, ServerVersion version) {
        this.connection = connection;
        this.version = version;
    }

    List<Dependency> read() throws SQLException {
        // Multiranges exist from 14 on; before, the join finds nothing.
        String multirange = version.atLeast(14)
                ? "LEFT JOIN pg_catalog.pg_range mr ON mr.rngmultitypid = e.oid"
                : "LEFT JOIN (SELECT NULL::pg_catalog.oid AS rngtypid) mr ON false";
        // Before 16 every view's rule lists its own view (its OLD and NEW entries) as a whole; a rule that names
        // one of the view's columns, or from 16 the view itself, selects from its own view.
        String ownView = version.atLeast(16) ? "true" : "d.refobjsubid > 0";
        return list(connection, """
                WITH implicit_type AS (
                    SELECT t.oid, CASE WHEN e.typrelid <> 0 THEN 'pg_class' ELSE 'pg_type' END AS catalog,
                           CASE WHEN e.typrelid <> 0 THEN e.typrelid ELSE COALESCE(mr.rngtypid, e.oid) END AS creator
                    FROM pg_catalog.pg_type t
                    LEFT JOIN pg_catalog.pg_type a ON a.oid = t.typelem AND a.typarray = t.oid
                    JOIN pg_catalog.pg_type e ON e.oid = COALESCE(a.oid, t.oid)
                    %1$s
                    WHERE t.oid >= %2$d AND (a.oid IS NOT NULL OR e.typrelid <> 0 OR mr.rngtypid IS NOT NULL)
                ), edge AS (
                    SELECT CASE WHEN r.oid IS NOT NULL AND r.rulename = '_RETURN' THEN 'pg_class'
                                WHEN ad.oid IS NOT NULL THEN 'pg_class'
                                WHEN dc.oid IS NOT NULL THEN 'pg_type'
                                ELSE d.classid::pg_catalog.regclass::text END AS catalog,
                           CASE WHEN r.oid IS NOT NULL AND r.rulename = '_RETURN' THEN r.ev_class
                                ELSE COALESCE(ad.adrelid, dc.contypid, d.objid) END AS objid,
                           CASE WHEN m.refobjid IS NOT NULL THEN 'pg_extension'
                                WHEN d.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass
                                 AND d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass
                                 AND (EXISTS (SELECT FROM pg_catalog.pg_type t
                                              WHERE t.oid = d.refobjid AND t.typtype = 'b'
                                                AND d.objid IN (t.typinput::pg_catalog.oid, t.typoutput::pg_catalog.oid,
                                                    t.typreceive::pg_catalog.oid, t.typsend::pg_catalog.oid,
                                                    t.typmodin::pg_catalog.oid, t.typmodout::pg_catalog.oid,
                                                    t.typanalyze::pg_catalog.oid))
                                      OR EXISTS (SELECT FROM pg_catalog.pg_range r
                                                 WHERE r.rngtypid = d.refobjid AND r.rngcanonical::pg_catalog.oid = d.objid))
                                THEN '%3$s'
                                ELSE COALESCE(it.catalog, d.refclassid::pg_catalog.regclass::text) END AS refcatalog,
                           COALESCE(m.refobjid, it.creator, d.refobjid) AS refobjid,
                           CASE WHEN ad.oid IS NOT NULL THEN 'pg_attrdef' WHEN dc.oid IS NOT NULL THEN 'pg_constraint' END
                               AS via_catalog,
                           COALESCE(ad.oid, dc.oid) AS via_oid,
                           r.oid IS NOT NULL AND r.rulename = '_RETURN' AND (%4$s) AS own_view
                    FROM pg_catalog.pg_depend d
                    LEFT JOIN pg_catalog.pg_depend m
                           ON m.classid = d.refclassid AND m.objid = d.refobjid AND m.objsubid = 0 AND m.deptype = 'e'
                          AND m.refclassid = 'pg_catalog.pg_extension'::pg_catalog.regclass
                    LEFT JOIN pg_catalog.pg_rewrite r
                           ON d.classid = 'pg_catalog.pg_rewrite'::pg_catalog.regclass AND r.oid = d.objid
                    LEFT JOIN pg_catalog.pg_attrdef ad
                           ON d.classid = 'pg_catalog.pg_attrdef'::pg_catalog.regclass AND ad.oid = d.objid
                    LEFT JOIN pg_catalog.pg_constraint dc
                           ON d.classid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND dc.oid = d.objid
                          AND dc.contypid <> 0 AND dc.convalidated
                    LEFT JOIN implicit_type it
                           ON d.refclassid = 'pg_catalog.pg_type'::pg_catalog.regclass AND it.oid = d.refobjid
                    -- A generated column's expression is an automatic dependency of the column, not of a default;
                    -- an operator family's access method is an automatic one too.
                    WHERE (d.deptype = 'n'
                           OR d.deptype = 'a' AND d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                              AND d.objsubid > 0 AND d.refobjid <> d.objid
                           OR d.deptype = 'a' AND d.refclassid = 'pg_catalog.pg_am'::pg_catalog.regclass)
                      AND d.refobjid >= %2$d AND d.objid >= %2$d
                )
                SELECT DISTINCT catalog, objid, refcatalog, refobjid, via_catalog, via_oid
                FROM edge
                -- An object that needs itself is left out, but for a view that selects from itself: a loop.
                WHERE catalog <> refcatalog OR objid <> refobjid OR own_view""".formatted(multirange,
                        FIRST_USER_OID, ObjectRef.SHELL_TYPE, ownView),
                rs -> new Dependency(ObjectRef.of(rs.getString(1), rs.getLong(2)),
                        ObjectRef.of(rs.getString(3), rs.getLong(4)),
                        rs.getString(5) == null ? null : ObjectRef.of(rs.getString(5), rs.getLong(6))));
    }
}
