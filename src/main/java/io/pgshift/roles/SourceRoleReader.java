package io.pgshift.roles;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.catalog.ServerVersion;

/**
 * Reads roles, memberships, role settings and parameter privileges the way pg_dumpall --roles-only does, from
 * 9.6 to 18. The connection must be in a read-only transaction with TimeZone UTC and DateStyle ISO, so that
 * VALID UNTIL reads back the same on any target.
 */
final class SourceRoleReader {
    /** pg_authid's fixed oid for the bootstrap superuser (BOOTSTRAP_SUPERUSERID). */
    static final long BOOTSTRAP_OID = 10;

    private final Connection connection;
    private final ServerVersion version;

    SourceRoleReader(Connection connection, ServerVersion version) {
        this.connection = connection;
        this.version = version;
    }

    SourceRoles read() throws SQLException {
        boolean passwords = "t".equals(single("SELECT pg_catalog.has_table_privilege('pg_catalog.pg_authid', 'SELECT')"));
        List<Role> roles = roles(passwords);
        List<String> names = new ArrayList<>(roles.stream().map(Role::name).toList());
        List<String> settings = strings("SELECT name FROM pg_catalog.pg_settings");
        return new SourceRoles(version, roles, memberships(), databaseSettings(), parameterGrants(), passwords,
                TargetProfile.detect(names, settings));
    }

    /**
     * pg_authid when it is readable; else pg_roles, which has everything but the password. Predefined pg_* roles
     * are the server's own.
     */
    private List<Role> roles(boolean passwords) throws SQLException {
        String sql = """
                SELECT a.oid = %d AS bootstrap, a.rolname, a.rolsuper, a.rolinherit, a.rolcreaterole, a.rolcreatedb,
                       a.rolcanlogin, a.rolreplication, a.rolbypassrls, a.rolconnlimit, %s AS password,
                       a.rolvaliduntil, pg_catalog.shobj_description(a.oid, 'pg_authid') AS comment,
                       (SELECT s.setconfig FROM pg_catalog.pg_db_role_setting s
                        WHERE s.setrole = a.oid AND s.setdatabase = 0) AS settings
                FROM pg_catalog.%s a
                WHERE a.rolname !~ '^pg_'
                ORDER BY a.rolname""".formatted(BOOTSTRAP_OID, passwords ? "a.rolpassword" : "NULL::text",
                passwords ? "pg_authid" : "pg_roles");
        List<Role> roles = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                Set<Attribute> attributes = EnumSet.noneOf(Attribute.class);
                for (Attribute a : Attribute.values()) {
                    if (rs.getBoolean(column(a))) {
                        attributes.add(a);
                    }
                }
                String password = rs.getString("password");
                roles.add(new Role(rs.getString("rolname"), rs.getBoolean("bootstrap"), attributes,
                        rs.getInt("rolconnlimit"), rs.getString("rolvaliduntil"),
                        password == null || password.isEmpty() ? null : new Verifier(password),
                        rs.getString("comment"), array(rs.getArray("settings"))));
            }
        }
        return roles;
    }

    static String column(Attribute attribute) {
        return switch (attribute) {
            case SUPERUSER -> "rolsuper";
            case INHERIT -> "rolinherit";
            case CREATEROLE -> "rolcreaterole";
            case CREATEDB -> "rolcreatedb";
            case LOGIN -> "rolcanlogin";
            case REPLICATION -> "rolreplication";
            case BYPASSRLS -> "rolbypassrls";
        };
    }

    /**
     * Memberships among the predefined roles are the server's own. From 16 on, grants are read in the order they
     * were made (pg_auth_members got an oid then), so a grantor has its ADMIN OPTION before it grants.
     */
    private List<Membership> memberships() throws SQLException {
        boolean options = version.atLeast(16);
        String sql = """
                SELECT r.rolname AS role, m.rolname AS member, g.rolname AS grantor, a.grantor = %d AS by_bootstrap,
                       a.admin_option, %s AS inherit_option, %s AS set_option
                FROM pg_catalog.pg_auth_members a
                JOIN pg_catalog.pg_roles r ON r.oid = a.roleid
                JOIN pg_catalog.pg_roles m ON m.oid = a.member
                LEFT JOIN pg_catalog.pg_roles g ON g.oid = a.grantor
                WHERE m.rolname !~ '^pg_'
                ORDER BY %s""".formatted(BOOTSTRAP_OID, options ? "a.inherit_option" : "NULL::boolean",
                options ? "a.set_option" : "NULL::boolean", options ? "a.oid" : "r.rolname, m.rolname");
        List<Membership> list = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String grantor = options && !rs.getBoolean("by_bootstrap") ? rs.getString("grantor") : null;
                list.add(new Membership(rs.getString("role"), rs.getString("member"), grantor,
                        rs.getBoolean("admin_option"), nullableBoolean(rs, "inherit_option"),
                        nullableBoolean(rs, "set_option")));
            }
        }
        return list;
    }

    private List<DatabaseRoleSetting> databaseSettings() throws SQLException {
        String sql = """
                SELECT r.rolname, d.datname, s.setconfig
                FROM pg_catalog.pg_db_role_setting s
                JOIN pg_catalog.pg_roles r ON r.oid = s.setrole
                JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase
                ORDER BY d.datname, r.rolname""";
        List<DatabaseRoleSetting> list = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                list.add(new DatabaseRoleSetting(rs.getString(1), rs.getString(2), array(rs.getArray(3))));
            }
        }
        return list;
    }

    /** One grant per parameter, grantee and grant option; the bootstrap superuser's implicit entry is left out. */
    private List<ParameterGrant> parameterGrants() throws SQLException {
        if (!version.atLeast(15)) {
            return List.of();
        }
        String sql = """
                SELECT p.parname, e.grantee = 0 AS public, g.rolname AS grantee, e.privilege_type, e.is_grantable
                FROM pg_catalog.pg_parameter_acl p
                CROSS JOIN LATERAL pg_catalog.aclexplode(p.paracl) e
                LEFT JOIN pg_catalog.pg_roles g ON g.oid = e.grantee
                WHERE e.grantee <> %d
                ORDER BY p.parname, g.rolname NULLS FIRST, e.is_grantable, e.privilege_type DESC""".formatted(BOOTSTRAP_OID);
        Map<List<Object>, List<String>> grouped = new LinkedHashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                String grantee = rs.getBoolean("public") ? null : rs.getString("grantee");
                List<Object> key = new ArrayList<>();
                key.add(rs.getString("parname"));
                key.add(grantee);
                key.add(rs.getBoolean("is_grantable"));
                grouped.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString("privilege_type"));
            }
        }
        List<ParameterGrant> list = new ArrayList<>();
        grouped.forEach((key, privileges) -> list.add(
                new ParameterGrant((String) key.get(0), (String) key.get(1), privileges, (Boolean) key.get(2))));
        return list;
    }

    private String single(String sql) throws SQLException {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> list = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                list.add(rs.getString(1));
            }
        }
        return list;
    }

    private static Boolean nullableBoolean(ResultSet rs, String column) throws SQLException {
        boolean value = rs.getBoolean(column);
        return rs.wasNull() ? null : value;
    }

    private static List<String> array(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
