package io.pgshift.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * The databases of a source server that a whole-server upgrade moves, and the one list of those it never
 * moves. Every whole-server command (check, upgrade, verify of a server) asks here, so they all agree.
 */
public final class ServerDatabases {
    /**
     * Never migrated: template0 and template1 belong to the target's own installation (initdb makes them, and
     * a user's additions to template1 are not the new server's business), and the provider maintenance
     * databases belong to the managed service (Azure, RDS, Cloud SQL), which creates its own on the target.
     */
    public static final Set<String> NEVER_MIGRATED = Set.of("template0", "template1", "azure_maintenance",
            "azure_sys", "rdsadmin", "cloudsqladmin");

    /**
     * A database of the source server.
     *
     * @param acceptsConnections false when datallowconn is off: nobody can connect to read it
     */
    public record Database(String name, boolean acceptsConnections) {
    }

    private ServerDatabases() {
    }

    public static boolean isMigrated(String name) {
        return !NEVER_MIGRATED.contains(name);
    }

    /**
     * The databases to migrate, in name order: every database except {@link #NEVER_MIGRATED}, narrowed by the
     * selection. Reads pg_database only, so any database of the server will do for the connection.
     *
     * @throws PgShiftException DATABASE_NOT_FOUND when --databases names a database the server does not have,
     *                          USAGE when it names one that is never migrated
     */
    public static List<Database> select(Connection server, DatabaseSelection selection) throws SQLException {
        Map<String, Database> all = new LinkedHashMap<>();
        try (Statement st = server.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT datname, datallowconn FROM pg_catalog.pg_database ORDER BY datname")) {
            while (rs.next()) {
                all.put(rs.getString(1), new Database(rs.getString(1), rs.getBoolean(2)));
            }
        }
        for (String name : selection.include()) {
            if (!all.containsKey(name)) {
                throw new PgShiftException(ErrorCode.DATABASE_NOT_FOUND, "database " + name
                        + " (named in --databases) does not exist on the source server");
            }
            if (!isMigrated(name)) {
                throw new PgShiftException(ErrorCode.USAGE, "database " + name + " (named in --databases) is never "
                        + "migrated: it belongs to the server installation or to the cloud provider");
            }
        }
        List<Database> selected = new ArrayList<>();
        for (Database d : all.values()) {
            if (isMigrated(d.name()) && (selection.include().isEmpty() || selection.include().contains(d.name()))
                    && !selection.exclude().contains(d.name())) {
                selected.add(d);
            }
        }
        return selected;
    }
}
