package io.pgshift.catalog;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;

/**
 * Reads the current database's own properties. The collation provider and its locale moved between
 * columns over the versions: daticulocale (15, 16) became datlocale (17), which the builtin provider
 * uses too; ICU rules exist from 16 on.
 *
 * <p>The postgres database exists on every server, with initdb's comment, owned by the bootstrap superuser or,
 * on a managed service, by the service's admin role or the customer's admin: that owner and comment are the
 * server's, not the source's, and are reported as none, so that the target's postgres keeps its own (a managed
 * admin could not change them anyway).
 */
final class DatabaseReader {
    private DatabaseReader() {
    }

    static DatabaseInfo read(SourceContext context) throws SQLException {
        ServerVersion version = context.version();
        String provider = version.atLeast(15) ? "d.datlocprovider" : "'c'::pg_catalog.\"char\"";
        String locale = version.atLeast(17) ? "d.datlocale" : version.atLeast(15) ? "d.daticulocale" : "NULL";
        String icuRules = version.atLeast(16) ? "d.daticurules" : "NULL";
        return context.list("""
                SELECT d.oid, d.datname,
                       CASE WHEN d.datname = 'postgres' THEN NULL ELSE pg_catalog.pg_get_userbyid(d.datdba) END AS owner,
                       pg_catalog.pg_encoding_to_char(d.encoding) AS encoding, d.datcollate, d.datctype,
                       %s AS provider, %s AS locale, %s AS icu_rules, d.datistemplate, d.datconnlimit,
                       (SELECT s.setconfig FROM pg_catalog.pg_db_role_setting s
                        WHERE s.setdatabase = d.oid AND s.setrole = 0) AS settings,
                       NULLIF(pg_catalog.shobj_description(d.oid, 'pg_database'),
                              'default administrative connection database') AS comment, %s AS acl
                FROM pg_catalog.pg_database d WHERE d.datname = pg_catalog.current_database()"""
                .formatted(provider, locale, icuRules, SourceContext.aclJson("d.datacl", 'd', "d.datdba")),
                rs -> new DatabaseInfo(rs.getLong("oid"), rs.getString("datname"), rs.getString("owner"),
                        rs.getString("encoding"), rs.getString("datcollate"), rs.getString("datctype"),
                        Queries.charOf(rs, "provider"), rs.getString("locale"), rs.getString("icu_rules"),
                        rs.getBoolean("datistemplate"), rs.getInt("datconnlimit"), Queries.strings(rs.getArray("settings")),
                        rs.getString("comment"), rs.getString("acl"))).get(0);
    }

}
