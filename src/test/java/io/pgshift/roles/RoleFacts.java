package io.pgshift.roles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import io.pgshift.testkit.PostgresServer;

/**
 * What a role migration must carry over, read the same way from source and target so the two can be compared:
 * attributes, verifiers, memberships and settings of the named roles.
 */
final class RoleFacts {
    private RoleFacts() {
    }

    /** Each role with its attributes, connection limit, VALID UNTIL (UTC) and comment. */
    static List<String> attributes(PostgresServer server, List<String> roles) throws SQLException {
        return rows(server, """
                SELECT rolname || ' super=' || rolsuper || ' inherit=' || rolinherit || ' createrole=' || rolcreaterole
                       || ' createdb=' || rolcreatedb || ' login=' || rolcanlogin || ' replication=' || rolreplication
                       || ' bypassrls=' || rolbypassrls || ' connlimit=' || rolconnlimit
                       || ' until=' || coalesce(rolvaliduntil::text, '-')
                       || ' comment=' || coalesce(pg_catalog.shobj_description(oid, 'pg_authid'), '-')
                FROM pg_catalog.pg_roles WHERE rolname = ANY (?) ORDER BY 1""", roles);
    }

    static List<String> verifiers(PostgresServer server, List<String> roles) throws SQLException {
        return rows(server, "SELECT rolname || ' ' || coalesce(rolpassword, '-') FROM pg_catalog.pg_authid "
                + "WHERE rolname = ANY (?) ORDER BY 1", roles);
    }

    /**
     * Memberships whose member is one of the roles: role, member and ADMIN OPTION; with {@code options} also
     * INHERIT, SET and the grantor (16+ on both sides).
     */
    static List<String> memberships(PostgresServer server, List<String> roles, boolean options) throws SQLException {
        String extra = options ? " || ' inherit=' || a.inherit_option || ' set=' || a.set_option || ' by ' || g.rolname" : "";
        return rows(server, """
                SELECT m.rolname || ' in ' || r.rolname || ' admin=' || a.admin_option %s
                FROM pg_catalog.pg_auth_members a
                JOIN pg_catalog.pg_roles r ON r.oid = a.roleid
                JOIN pg_catalog.pg_roles m ON m.oid = a.member
                LEFT JOIN pg_catalog.pg_roles g ON g.oid = a.grantor
                WHERE m.rolname = ANY (?) ORDER BY 1""".formatted(extra), roles);
    }

    /** Per-role settings ("*" for every database) and per-role-per-database ones. */
    static List<String> settings(PostgresServer server, List<String> roles) throws SQLException {
        return rows(server, """
                SELECT r.rolname || ' @' || coalesce(d.datname, '*') || ' ' || s.setconfig::text
                FROM pg_catalog.pg_db_role_setting s
                JOIN pg_catalog.pg_roles r ON r.oid = s.setrole
                LEFT JOIN pg_catalog.pg_database d ON d.oid = s.setdatabase
                WHERE r.rolname = ANY (?) ORDER BY 1""", roles);
    }

    static boolean exists(PostgresServer server, String role) throws SQLException {
        return !rows(server, "SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY (?)", List.of(role)).isEmpty();
    }

    /** Connects as the role with its password, as an application would; returns current_user. */
    static String logIn(PostgresServer server, String role, String password) throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", role);
        p.setProperty("password", password);
        p.setProperty("sslmode", "disable");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), p);
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT current_user")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** A key=value connection string as another user. */
    static String conn(PostgresServer server, String user, String password, String db) {
        return "host=" + server.host() + " port=" + server.port() + " user='" + user.replace("'", "\\'")
                + "' password='" + password.replace("'", "\\'") + "' dbname=" + db + " sslmode=disable";
    }

    /**
     * Drops those of the roles the server has, with what depends on them (grants they made or got), so a test
     * starts afresh.
     */
    static void drop(PostgresServer server, List<String> roles) throws SQLException {
        List<String> existing = new ArrayList<>();
        for (String role : roles) {
            if (exists(server, role)) {
                existing.add("\"" + role.replace("\"", "\"\"") + "\"");
            }
        }
        if (!existing.isEmpty()) {
            String list = String.join(", ", existing);
            server.execute("postgres", "DROP OWNED BY " + list, "DROP ROLE " + list);
        }
    }

    /**
     * Lets md5 verifiers log in over TCP: the kit's servers from 10 on ask for scram-sha-256, which refuses them
     * (an md5 line still accepts SCRAM verifiers).
     */
    static void acceptMd5(PostgresServer server) throws Exception {
        Path hba = server.dataDirectory().resolve("pg_hba.conf");
        Files.writeString(hba, Files.readString(hba, StandardCharsets.UTF_8).replace("scram-sha-256", "md5"),
                StandardCharsets.UTF_8);
        server.execute("postgres", "SELECT pg_catalog.pg_reload_conf()");
        Thread.sleep(1000); // the postmaster rereads pg_hba.conf when it gets to the signal
    }

    private static List<String> rows(PostgresServer server, String sql, List<String> roles) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = server.connect("postgres")) {
            try (Statement st = c.createStatement()) {
                st.execute("SET TimeZone = 'UTC'");
            }
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf("text", roles.toArray()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        }
        return rows;
    }
}
