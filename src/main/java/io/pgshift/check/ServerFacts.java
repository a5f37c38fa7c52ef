package io.pgshift.check;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.SourceContext;

/**
 * What the check needs to know about one server and the user it connects as.
 *
 * @param systemIdentifier  pg_control_system()'s identifier, or null when the user may not call it
 * @param startedAt         pg_postmaster_start_time() as text: with the version, it tells one server from another
 *                          when the identifier is hidden
 * @param inRecovery        a standby, which cannot be written
 * @param readsAuthid       whether the user may read pg_authid, where password verifiers are (managed services
 *                          hide it)
 * @param providerAdminRoles the provider admin roles that exist on the server, each with whether the user is
 *                          a member
 */
record ServerFacts(ServerVersion version, String versionText, String user, boolean superuser, boolean createdb,
                   boolean createrole, boolean ssl, String sslVersion, String systemIdentifier, String startedAt,
                   boolean inRecovery, boolean readsAuthid, Map<String, Boolean> providerAdminRoles) {

    /** The roles Azure, RDS and Cloud SQL give their administrators instead of SUPERUSER. */
    static final List<String> PROVIDER_ADMIN_ROLES = List.of("azure_pg_admin", "rds_superuser", "cloudsqlsuperuser");

    static ServerFacts read(Connection connection) throws SQLException {
        ServerVersion version = CatalogReader.versionOf(connection);
        SourceContext context = new SourceContext(connection, version);
        Map<String, Boolean> admins = new LinkedHashMap<>();
        context.list("""
                SELECT r.rolname, pg_catalog.pg_has_role(current_user, r.oid, 'MEMBER')
                FROM pg_catalog.pg_roles r WHERE r.rolname IN ('azure_pg_admin', 'rds_superuser', 'cloudsqlsuperuser')
                ORDER BY r.rolname""", rs -> admins.put(rs.getString(1), rs.getBoolean(2)));
        List<String> ssl = context.list("""
                SELECT s.ssl::text, s.version FROM pg_catalog.pg_stat_ssl s WHERE s.pid = pg_catalog.pg_backend_pid()""",
                rs -> rs.getString(1) + "|" + (rs.getString(2) == null ? "" : rs.getString(2)));
        boolean sslUsed = !ssl.isEmpty() && ssl.get(0).startsWith("true");
        String systemIdentifier = context.list("""
                SELECT CASE WHEN pg_catalog.has_function_privilege('pg_catalog.pg_control_system()', 'EXECUTE')
                            THEN (SELECT c.system_identifier::text FROM pg_catalog.pg_control_system() c) END""",
                rs -> rs.getString(1)).get(0);
        return context.list("""
                SELECT pg_catalog.current_setting('server_version') AS version_text, current_user AS usr,
                       r.rolsuper, r.rolcreatedb, r.rolcreaterole,
                       pg_catalog.pg_postmaster_start_time()::text AS started,
                       pg_catalog.pg_is_in_recovery() AS recovery,
                       pg_catalog.has_table_privilege('pg_catalog.pg_authid', 'SELECT') AS authid
                FROM pg_catalog.pg_roles r WHERE r.rolname = current_user""",
                rs -> new ServerFacts(version, rs.getString("version_text"), rs.getString("usr"),
                        rs.getBoolean("rolsuper"), rs.getBoolean("rolcreatedb"), rs.getBoolean("rolcreaterole"),
                        sslUsed, sslUsed ? ssl.get(0).substring(ssl.get(0).indexOf('|') + 1) : null, systemIdentifier,
                        rs.getString("started"), rs.getBoolean("recovery"), rs.getBoolean("authid"),
                        Collections.unmodifiableMap(admins))).get(0);
    }
}
