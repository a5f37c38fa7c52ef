package io.pgshift.check;

import java.sql.SQLException;
import java.util.List;

import io.pgshift.catalog.Queries;
import io.pgshift.catalog.SourceContext;
import io.pgshift.sql.Sql;

/**
 * A database's encoding and locale.
 *
 * @param provider      {@code 'c'} libc, {@code 'i'} ICU (15+), {@code 'b'} builtin (17+)
 * @param locale        the ICU or builtin locale, null with libc
 * @param recordedVersion the collation version recorded when the database was created (15+), or null
 * @param actualVersion the version the server's library has now (15+), or null
 */
record DatabaseLocale(String encoding, String collate, String ctype, char provider, String locale,
                      String recordedVersion, String actualVersion) {

    /** The named database's locale, read through any database of the same server; null if it does not exist. */
    static DatabaseLocale read(SourceContext context, String database) throws SQLException {
        var version = context.version();
        String provider = version.atLeast(15) ? "d.datlocprovider" : "'c'::pg_catalog.\"char\"";
        String locale = version.atLeast(17) ? "d.datlocale" : version.atLeast(15) ? "d.daticulocale" : "NULL";
        String recorded = version.atLeast(15) ? "d.datcollversion" : "NULL";
        String actual = version.atLeast(15) ? "pg_catalog.pg_database_collation_actual_version(d.oid)" : "NULL";
        List<DatabaseLocale> found = context.list("""
                SELECT pg_catalog.pg_encoding_to_char(d.encoding) AS encoding, d.datcollate, d.datctype,
                       %s AS provider, %s AS locale, %s AS recorded, %s AS actual
                FROM pg_catalog.pg_database d WHERE d.datname = %s""".formatted(provider, locale, recorded, actual,
                        Sql.literal(database)),
                rs -> new DatabaseLocale(rs.getString("encoding"), rs.getString("datcollate"), rs.getString("datctype"),
                        Queries.charOf(rs, "provider"), rs.getString("locale"), rs.getString("recorded"),
                        rs.getString("actual")));
        return found.isEmpty() ? null : found.get(0);
    }

    String providerName() {
        return switch (provider) {
            case 'i' -> "icu";
            case 'b' -> "builtin";
            default -> "libc";
        };
    }

    /** The libc locale the database sorts text by; null when ICU or builtin decide. */
    String libcCollate() {
        return provider == 'c' ? collate : null;
    }
}
