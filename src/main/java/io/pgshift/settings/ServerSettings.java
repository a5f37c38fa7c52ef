package io.pgshift.settings;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.SourceContext;
import io.pgshift.roles.TargetProfile;

/**
 * A server's parameters as pg_settings shows them to the connected user, by name, and the managed service it runs on
 * (its provider's roles give it away: the provider's own parameters, custom placeholders, are not in pg_settings).
 */
record ServerSettings(ServerVersion version, String versionText, Map<String, Parameter> parameters,
                      TargetProfile service) {

    /**
     * Where a value must come from to count as the server's configuration. The others are per database or per
     * role (moved with those), set by the client or the session (pgshift's own session settings among them), or
     * computed by the server ("override", such as data_directory).
     */
    static final Set<String> CONFIGURED = Set.of("configuration file", "command line", "environment variable", "global");

    ServerSettings {
        parameters = Map.copyOf(parameters);
    }

    /**
     * What pgshift's read-only sessions set for themselves, which would hide the configuration's value (source
     * "session"). RESET brings back the value and source the session started with. DateStyle and TimeZone are not
     * here: the JDBC driver sends them when it connects, so RESET gives its values (source "client") back.
     */
    private static final List<String> SESSION_SET = List.of("search_path", "IntervalStyle", "statement_timeout",
            "lock_timeout", "idle_in_transaction_session_timeout", "standard_conforming_strings");

    static ServerSettings read(Connection connection) throws SQLException {
        ServerVersion version = CatalogReader.versionOf(connection);
        try (Statement st = connection.createStatement()) {
            for (String name : SESSION_SET) {
                st.execute("RESET " + name);
            }
            if (version.atLeast(17)) {
                st.execute("RESET transaction_timeout");
            }
        }
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        SourceContext context = new SourceContext(connection, version);
        context.list("""
                SELECT name, pg_catalog.current_setting(name) AS value, setting, unit, vartype, context, source,
                       setting IS DISTINCT FROM boot_val AS differs
                FROM pg_catalog.pg_settings ORDER BY name""", rs -> parameters.put(rs.getString("name"),
                new Parameter(rs.getString("name"), rs.getString("value"), rs.getString("setting"), rs.getString("unit"),
                        rs.getString("vartype"), rs.getString("context"), rs.getString("source"),
                        rs.getBoolean("differs"))));
        String text = context.list("SELECT pg_catalog.current_setting('server_version')", rs -> rs.getString(1)).get(0);
        List<String> roles = context.list("SELECT rolname FROM pg_catalog.pg_roles", rs -> rs.getString(1));
        return new ServerSettings(version, text, parameters, TargetProfile.detect(roles, parameters.keySet()));
    }

    boolean has(String name) {
        return parameters.containsKey(name);
    }

    Parameter get(String name) {
        return parameters.get(name);
    }

    /** Its value as SHOW prints it, null when the server has no such parameter. */
    String value(String name) {
        Parameter p = parameters.get(name);
        return p == null ? null : p.value();
    }

    /**
     * The parameters the server's configuration changes from the built-in default, by name, leaving out those that
     * describe this installation only ({@link InstanceParameters}).
     */
    List<String> changed() {
        return parameters.values().stream()
                .filter(p -> CONFIGURED.contains(p.source()) && p.differs() && !InstanceParameters.contains(p.name()))
                .map(Parameter::name).sorted().toList();
    }
}
