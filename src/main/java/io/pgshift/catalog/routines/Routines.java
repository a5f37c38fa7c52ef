package io.pgshift.catalog.routines;

import io.pgshift.catalog.ServerVersion;

/** What functions, procedures and aggregates share in the catalog, across versions. */
final class Routines {
    private Routines() {
    }

    /**
     * SQL for pg_proc.prokind: f function, p procedure (11+), a aggregate, w window function. Before 11 the
     * kind is spread over proisagg and proiswindow.
     */
    static String kind(ServerVersion version) {
        return version.atLeast(11) ? "p.prokind"
                : "CASE WHEN p.proisagg THEN 'a' WHEN p.proiswindow THEN 'w' ELSE 'f' END";
    }

    /**
     * SQL condition: the routine is not an internal part of another object, like the constructor functions
     * CREATE TYPE ... AS RANGE makes. Recreating that object brings them back.
     */
    static String notPartOfAnotherObject(String oidExpression) {
        return "NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend i WHERE i.classid = 'pg_catalog.pg_proc'::pg_catalog.regclass"
                + " AND i.objid = " + oidExpression + " AND i.deptype = 'i')";
    }
}
