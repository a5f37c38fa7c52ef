package io.pgshift.roles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connector;
import io.pgshift.sql.Sql;

/**
 * Lets a target user that is not a superuser (a managed service's admin) give objects to their owners. Setting an
 * owner, creating a database or schema for another role, or granting in a role's name all need membership in that
 * role: from PostgreSQL 16 on with the SET option, before 16 any membership. Granting privileges on an object the
 * user no longer owns, and reading or analyzing it, need the owner's privileges, so the membership also inherits.
 *
 * <p>A managed admin may grant itself such membership: up to 15 in any role that is not a superuser (CREATEROLE),
 * from 16 on in the roles it holds ADMIN OPTION on, which includes every role it created. {@link #assess} tells,
 * before anything is written, which roles it can act as already, which it can grant itself, and which it cannot;
 * {@link #acquire} grants what is missing and {@link #release} takes back exactly that.
 */
public final class RoleAccess {
    /** How the connecting user stands with a role. */
    public enum State {
        /** A superuser, the user itself, or a member with SET and INHERIT already. */
        READY,
        /** Not yet a member as needed, but the user may grant itself the membership. */
        GRANTABLE,
        /** The role does not exist on the target. */
        MISSING,
        /** The user can neither act as the role nor grant itself membership in it; see the reason. */
        REFUSED
    }

    /** @param reason why a role is REFUSED or MISSING; null otherwise */
    public record Standing(String role, State state, String reason) {
    }

    /**
     * The roles the user has granted itself, to be taken back.
     *
     * @param user the target's connecting user
     */
    public record Grants(String user, List<String> roles) {
        public Grants {
            roles = List.copyOf(roles);
        }

        public static Grants none(String user) {
            return new Grants(user, List.of());
        }

        /** What was granted, in a sentence for the user; {@code kept} when it stays after the run. */
        public String describe(boolean kept) {
            return "the target user " + user + " granted itself membership (SET and INHERIT) in "
                    + String.join(", ", roles) + " to give them their objects; " + (kept
                    ? "kept (--keep-role-grants)" : "taken back at the end");
        }
    }

    private RoleAccess() {
    }

    /**
     * How the connecting user stands with each role; roles in {@code createdByRun} do not exist yet but will be
     * created by this user in this run, which gives it ADMIN OPTION on them. Reads only.
     */
    public static Map<String, Standing> assess(Connection target, Collection<String> roles,
                                               Collection<String> createdByRun) throws SQLException {
        return assess(target, Session.read(target), roles, createdByRun);
    }

    /** Who the connecting user is, asked once for all its roles. */
    private record Session(ServerVersion version, String user, boolean superuser, boolean createRole) {
        static Session read(Connection connection) throws SQLException {
            ServerVersion version = CatalogReader.versionOf(connection);
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT current_user, rolsuper, rolcreaterole FROM pg_catalog.pg_roles WHERE rolname = current_user")) {
                rs.next();
                return new Session(version, rs.getString(1), rs.getBoolean(2), rs.getBoolean(3));
            }
        }
    }

    private static Map<String, Standing> assess(Connection target, Session session, Collection<String> roles,
                                                Collection<String> createdByRun) throws SQLException {
        boolean from16 = session.version().atLeast(16);
        String user = session.user();
        boolean superuser = session.superuser();
        boolean createRole = session.createRole();
        Map<String, Standing> standings = new LinkedHashMap<>();
        String sql = """
                SELECT r.rolname, r.rolsuper,
                       pg_catalog.pg_has_role(r.oid, '%s') AS can_set,
                       pg_catalog.pg_has_role(r.oid, 'USAGE') AS inherits,
                       pg_catalog.pg_has_role(r.oid, 'MEMBER WITH ADMIN OPTION') AS admin,
                       pg_catalog.pg_has_role(r.oid, (SELECT u.oid FROM pg_catalog.pg_roles u
                                                      WHERE u.rolname = current_user), 'MEMBER') AS circular
                FROM pg_catalog.pg_roles r WHERE r.rolname = ?""".formatted(from16 ? "SET" : "MEMBER");
        try (PreparedStatement ps = target.prepareStatement(sql)) {
            for (String role : new TreeSet<>(roles)) {
                if (superuser || role.equals(user)) {
                    standings.put(role, new Standing(role, State.READY, null));
                    continue;
                }
                ps.setString(1, role);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        standings.put(role, createdByRun.contains(role)
                                ? new Standing(role, State.GRANTABLE, null)
                                : new Standing(role, State.MISSING, "role " + role + " does not exist on the target"));
                        continue;
                    }
                    standings.put(role, standing(role, rs, user, from16, createRole));
                }
            }
        }
        return standings;
    }

    private static Standing standing(String role, ResultSet rs, String user, boolean from16, boolean createRole)
            throws SQLException {
        if (rs.getBoolean("can_set") && rs.getBoolean("inherits")) {
            return new Standing(role, State.READY, null);
        }
        if (rs.getBoolean("rolsuper")) {
            return new Standing(role, State.REFUSED, "role " + role + " is a superuser on the target, and only a "
                    + "superuser may act as one");
        }
        if (rs.getBoolean("circular")) {
            return new Standing(role, State.REFUSED, "role " + role + " is a member of " + user
                    + ", so " + user + " cannot also be made a member of it");
        }
        boolean mayGrant = from16 ? rs.getBoolean("admin") : createRole || rs.getBoolean("admin");
        if (!mayGrant) {
            return new Standing(role, State.REFUSED, from16
                    ? user + " has no ADMIN OPTION on role " + role + " (PostgreSQL 16 and later give it only to "
                            + "the role's creator, or by GRANT ... WITH ADMIN OPTION)"
                    : user + " has no CREATEROLE and no ADMIN OPTION on role " + role);
        }
        return new Standing(role, State.GRANTABLE, null);
    }

    /**
     * Grants the connecting user membership, with SET and INHERIT, in every role it cannot act as yet; returns
     * what it granted. All or nothing, in one transaction.
     *
     * @throws PgShiftException CHECK_FAILED naming each role the user cannot act as or grant itself, before
     *                          anything is written; MIGRATION_FAILED when a grant fails
     */
    public static Grants acquire(ConnInfo target, Collection<String> roles) {
        try (Connection connection = openServer(target)) {
            return acquire(connection, roles, target.describe());
        } catch (SQLException e) {
            throw grantFailure(target.describe(), e);
        }
    }

    /**
     * The same on a session the caller holds, left in autocommit as it was found.
     *
     * @param server how to name the server in messages
     */
    public static Grants acquire(Connection connection, Collection<String> roles, String server) {
        return acquire(connection, roles, server, true);
    }

    /**
     * Grants what the user may grant itself and ignores the rest: for a reader (verify), which then fails, with
     * the server's own words, only on what it really cannot read.
     */
    public static Grants acquireWhatItMay(ConnInfo target, Collection<String> roles) {
        try (Connection connection = openServer(target)) {
            return acquire(connection, roles, target.describe(), false);
        } catch (SQLException e) {
            throw grantFailure(target.describe(), e);
        }
    }

    private static Grants acquire(Connection connection, Collection<String> roles, String server, boolean strict) {
        try {
            Session session = Session.read(connection);
            Map<String, Standing> standings = assess(connection, session, roles, List.of());
            String user = session.user();
            List<String> refused = new ArrayList<>();
            List<String> needed = new ArrayList<>();
            for (Standing s : standings.values()) {
                switch (s.state()) {
                    case READY -> { }
                    case GRANTABLE -> needed.add(s.role());
                    case MISSING, REFUSED -> refused.add(s.reason());
                }
            }
            if (strict && !refused.isEmpty()) {
                throw new PgShiftException(ErrorCode.CHECK_FAILED, "the target user " + user + " cannot give "
                        + "objects to their owners: " + String.join("; ", refused) + "; nothing was written (grant "
                        + user + " those roles WITH SET TRUE, INHERIT TRUE as a superuser or a role with ADMIN "
                        + "OPTION on them, or leave the owners out with -O/--no-owner)");
            }
            if (needed.isEmpty()) {
                return Grants.none(user);
            }
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                // Role changes are few and matter: commit them durably, whatever the session's default.
                st.execute("SET LOCAL synchronous_commit = on");
                for (String role : needed) {
                    st.execute(grant(role, user, session.version()));
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
            return new Grants(user, needed);
        } catch (SQLException e) {
            throw grantFailure(server, e);
        }
    }

    private static PgShiftException grantFailure(String server, SQLException e) {
        return new PgShiftException(ErrorCode.MIGRATION_FAILED, "could not grant the target user the roles that "
                + "own the source's objects on " + server + ": " + StatementRunner.serverMessage(e), e);
    }

    /**
     * Takes back every membership {@link #acquire} granted. Never throws: a failure is returned as a line the
     * caller reports, with the statement that finishes the job by hand.
     */
    public static List<String> release(ConnInfo target, Grants grants) {
        if (grants.roles().isEmpty()) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        try (Connection connection = openServer(target); Statement st = connection.createStatement()) {
            for (String role : grants.roles()) {
                try {
                    st.execute(revoke(role, grants.user()));
                } catch (SQLException e) {
                    problems.add("could not take back membership of " + grants.user() + " in role " + role + ": "
                            + StatementRunner.serverMessage(e) + "; run " + revoke(role, grants.user()));
                }
            }
        } catch (SQLException | PgShiftException e) {
            problems.add("could not take back the memberships " + grants.user() + " was granted ("
                    + String.join(", ", grants.roles()) + "): " + e.getMessage().lines().findFirst().orElse("")
                    + "; run REVOKE ... FROM " + Sql.ident(grants.user()) + " for each");
        }
        return problems;
    }

    /** From 16 on, membership options are explicit: SET to become the role, INHERIT to use its privileges. */
    static String grant(String role, String user, ServerVersion version) {
        return "GRANT " + Sql.ident(role) + " TO " + Sql.ident(user)
                + (version.atLeast(16) ? " WITH INHERIT TRUE, SET TRUE" : "");
    }

    /** Revokes the grant this user made (from 16 on, grants are kept per grantor: another grantor's stays). */
    static String revoke(String role, String user) {
        return "REVOKE " + Sql.ident(role) + " FROM " + Sql.ident(user);
    }

    /**
     * Refuses, before anything is written, roles that objects name in their privileges but that do not exist on
     * the target: each GRANT to them would fail halfway through the schema. {@code why} says what needs them, with
     * {@code %s} standing for "it" or "them".
     *
     * @throws PgShiftException CHECK_FAILED naming them
     */
    public static void requireExisting(ConnInfo target, Collection<String> roles, String why) {
        if (roles.isEmpty()) {
            return;
        }
        try (Connection connection = openServer(target)) {
            requireExisting(connection, roles, why, target.describe());
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.CHECK_FAILED, "could not read the roles of " + target.describe()
                    + ": " + StatementRunner.serverMessage(e), e);
        }
    }

    /** The same on a session the caller holds. */
    public static void requireExisting(Connection connection, Collection<String> roles, String why, String server)
            throws SQLException {
        if (roles.isEmpty()) {
            return;
        }
        List<String> missing = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT r FROM pg_catalog.unnest(?::pg_catalog.text[]) r "
                        + "WHERE NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = r) ORDER BY r")) {
            ps.setArray(1, connection.createArrayOf("text", roles.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    missing.add(rs.getString(1));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new PgShiftException(ErrorCode.CHECK_FAILED, (missing.size() == 1 ? "role " : "roles ")
                    + String.join(", ", missing) + (missing.size() == 1 ? " does" : " do") + " not exist on "
                    + server + " but " + why.replace("%s", missing.size() == 1 ? "it" : "them")
                    + "; nothing was written (create " + (missing.size() == 1 ? "it"
                    : "them") + " first, for example with pgshift roles, or leave privileges out with "
                    + "-x/--no-acl)");
        }
    }

    /** Roles are server-wide: when the named database does not exist yet, postgres or template1 will do. */
    static Connection openServer(ConnInfo target) {
        try {
            return Connector.open(target);
        } catch (PgShiftException e) {
            if (e.code() != ErrorCode.DATABASE_NOT_FOUND) {
                throw e;
            }
            try {
                return Connector.open(target.withDatabase("postgres"));
            } catch (PgShiftException again) {
                if (again.code() != ErrorCode.DATABASE_NOT_FOUND) {
                    throw again;
                }
                return Connector.open(target.withDatabase("template1"));
            }
        }
    }
}
