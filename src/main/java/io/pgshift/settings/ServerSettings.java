package io.pgshift.settings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.SourceContext;

/**
 * A server's parameters as pg_settings shows them to the connected user.
 *
 * @param values every parameter's value as SHOW prints it, by name
 * @param setIn  where each parameter got its value (pg_settings.source)
 * @param changed the parameters the server's configuration changes from the built-in default
 */
record ServerSettings(ServerVersion version, String versionText, Map<String, String> values, Map<String, String> setIn,
                      Set<String> changed) {

    /**
     * Where a value must come from to count as the server's configuration. The others are per database or per
     * role (moved with those), set by the client or the session (pgshift's own session settings among them), or
     * computed by the server ("override", such as data_directory).
     */
    static final Set<String> CONFIGURED = Set.of("configuration file", "command line", "environment variable", "global");

    static ServerSettings read(Connection connection) throws SQLException {
        ServerVersion version = CatalogReader.versionOf(connection);
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> setIn = new LinkedHashMap<>();
        Set<String> changed = new LinkedHashSet<>();
        SourceContext context = new SourceContext(connection, version);
        context.list("""
                SELECT name, pg_catalog.current_setting(name) AS value, source, setting IS DISTINCT FROM boot_val AS differs
                FROM pg_catalog.pg_settings ORDER BY name""", rs -> {
                    String name = rs.getString("name");
                    values.put(name, rs.getString("value"));
                    setIn.put(name, rs.getString("source"));
                    if (CONFIGURED.contains(rs.getString("source")) && rs.getBoolean("differs")) {
                        changed.add(name);
                    }
                    return name;
                });
        String text = context.list("SELECT pg_catalog.current_setting('server_version')", rs -> rs.getString(1)).get(0);
        return new ServerSettings(version, text, values, setIn, changed);
    }
}
