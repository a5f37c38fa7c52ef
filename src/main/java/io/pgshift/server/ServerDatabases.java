package io.pgshift.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
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
    private static final String TEMPLATE = "a template database, the target has its own";

    /**
     * Never migrated, with the reason: template0 and template1 belong to the target's own installation (initdb
     * makes them, and a user's additions to template1 are not the new server's business), and the provider
     * maintenance databases belong to the managed service, which creates its own on the target.
     */
    private static final Map<String, String> NEVER_MIGRATED_REASONS = Map.of(
            "template0", TEMPLATE,
            "template1", TEMPLATE,
            "azure_maintenance", "the Azure service's own database",
            "azure_sys", "the Azure service's own database",
            "rdsadmin", "the RDS service's own database",
            "cloudsqladmin", "the Cloud SQL service's own database");

    /** Never migrated: the templates and the provider maintenance databases (Azure, RDS, Cloud SQL). */
    public static final Set<String> NEVER_MIGRATED = NEVER_MIGRATED_REASONS.keySet();

    static final String EXCLUDED = "left out by --exclude-databases";
    static final String NO_CONNECTIONS = "does not allow connections";

    /**
     * A database of the source server.
     *
     * @param acceptsConnections false when datallowconn is off: nobody can connect to read it
     */
    public record Database(String name, boolean acceptsConnections) {
    }

    /** A database of the source server that is not moved, and why, in a few words. */
    public record Skipped(String name, String reason) {
    }

    /**
     * The source's databases divided.
     *
     * @param databases those selected, in name order, including any that does not allow connections (the caller
     *                  says so in its own words)
     * @param leftOut   those not selected, with the reason, in name order. Databases that --databases does not name
     *                  are not among them: the user's list already says it, and on a server with many databases they
     *                  would bury the rest.
     */
    public record Selection(List<Database> databases, List<Skipped> leftOut) {
        public Selection {
            databases = List.copyOf(databases);
            leftOut = List.copyOf(leftOut);
        }

        /** Every database not moved, in name order: those left out, and those selected that refuse connections. */
        public List<Skipped> skipped() {
            List<Skipped> skipped = new ArrayList<>(leftOut);
            databases.stream().filter(d -> !d.acceptsConnections())
                    .forEach(d -> skipped.add(new Skipped(d.name(), NO_CONNECTIONS)));
            skipped.sort(Comparator.comparing(Skipped::name));
            return List.copyOf(skipped);
        }
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
        return divide(server, selection).databases();
    }

    /** As {@link #select}, with the databases left out and why. */
    public static Selection divide(Connection server, DatabaseSelection selection) throws SQLException {
        List<Database> all = new ArrayList<>();
        try (Statement st = server.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT datname, datallowconn FROM pg_catalog.pg_database ORDER BY datname")) {
            while (rs.next()) {
                all.add(new Database(rs.getString(1), rs.getBoolean(2)));
            }
        }
        return divide(all, selection);
    }

    /** The selection applied to a server's databases, given in name order. */
    static Selection divide(List<Database> onServer, DatabaseSelection selection) {
        Map<String, Database> all = new LinkedHashMap<>();
        onServer.forEach(d -> all.put(d.name(), d));
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
        List<Skipped> leftOut = new ArrayList<>();
        for (Database d : all.values()) {
            boolean named = selection.include().isEmpty() || selection.include().contains(d.name());
            if (!named) {
                continue;
            }
            if (!isMigrated(d.name())) {
                leftOut.add(new Skipped(d.name(), NEVER_MIGRATED_REASONS.get(d.name())));
            } else if (selection.exclude().contains(d.name())) {
                leftOut.add(new Skipped(d.name(), EXCLUDED));
            } else {
                selected.add(d);
            }
        }
        return new Selection(selected, leftOut);
    }
}
