package io.pgshift.roles;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.ServerVersion;

/** Reads a {@link TargetState} through the views every user may read (pg_roles, not pg_authid). */
final class TargetStateReader {
    private TargetStateReader() {
    }

    static TargetState read(Connection connection, ServerVersion version) throws SQLException {
        String currentUser = single(connection, "SELECT current_user");
        String bootstrap = single(connection, "SELECT rolname FROM pg_catalog.pg_roles WHERE oid = "
                + SourceRoleReader.BOOTSTRAP_OID);
        Map<String, TargetState.TargetRole> roles = new HashMap<>();
        Set<Attribute> user = EnumSet.noneOf(Attribute.class);
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT r.rolname, r.rolsuper, r.rolinherit, r.rolcreaterole, r.rolcreatedb, r.rolcanlogin,
                       r.rolreplication, r.rolbypassrls,
                       pg_catalog.pg_has_role(r.oid, 'MEMBER WITH ADMIN OPTION') AS adminable
                FROM pg_catalog.pg_roles r""")) {
            while (rs.next()) {
                Set<Attribute> attributes = EnumSet.noneOf(Attribute.class);
                for (Attribute a : Attribute.values()) {
                    if (rs.getBoolean(SourceRoleReader.column(a))) {
                        attributes.add(a);
                    }
                }
                String name = rs.getString("rolname");
                roles.put(name, new TargetState.TargetRole(name, attributes, rs.getBoolean("adminable")));
                if (name.equals(currentUser)) {
                    user.addAll(attributes);
                }
            }
        }
        Set<String> databases = new HashSet<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_catalog.pg_database")) {
            while (rs.next()) {
                databases.add(rs.getString(1));
            }
        }
        boolean superuser = user.contains(Attribute.SUPERUSER);
        // has_parameter_privilege exists from 15 on; before, only a superuser sets superuser-only parameters.
        String superuserOnly = superuser ? "true"
                : version.atLeast(15) ? "pg_catalog.has_parameter_privilege(name, 'SET')" : "false";
        Map<String, TargetState.TargetSetting> settings = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT name, context,
                       CASE WHEN context IN ('user', 'backend') THEN true
                            WHEN context IN ('superuser', 'superuser-backend') THEN %s
                            ELSE false END AS settable
                FROM pg_catalog.pg_settings""".formatted(superuserOnly))) {
            while (rs.next()) {
                settings.put(rs.getString(1).toLowerCase(Locale.ROOT),
                        new TargetState.TargetSetting(rs.getString(2), rs.getBoolean(3)));
            }
        }
        return new TargetState(version, currentUser, bootstrap, user, roles, databases, settings,
                TargetProfile.detect(roles.keySet(), settings.keySet()));
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
