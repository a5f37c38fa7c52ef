package io.pgshift.check;

import java.sql.SQLException;
import java.util.List;

import io.pgshift.catalog.SourceContext;

/**
 * The versions of the libraries a server sorts text with, as PostgreSQL reports them for its collations: the C
 * library's version for libc locales (from 13 on; null before), ICU's for ICU collations (null without ICU).
 * When a version differs between source and target, text may sort differently on the target.
 */
record CollationVersions(String libc, String icu) {

    static CollationVersions read(SourceContext context) throws SQLException {
        if (!context.version().atLeast(10)) {
            return new CollationVersions(null, null);
        }
        return new CollationVersions(first(context, "collprovider = 'c' AND collcollate NOT IN ('C', 'POSIX')"),
                first(context, "collprovider = 'i' ORDER BY collname <> 'und-x-icu'"));
    }

    private static String first(SourceContext context, String condition) {
        try {
            List<String> versions = context.list("SELECT pg_catalog.pg_collation_actual_version(oid) FROM "
                    + "pg_catalog.pg_collation WHERE " + condition + " LIMIT 1", rs -> rs.getString(1));
            return versions.isEmpty() ? null : versions.get(0);
        } catch (SQLException e) {
            // A collation whose locale the operating system no longer has cannot report a version; the
            // comparison is then left out rather than failing the whole check.
            return null;
        }
    }
}
