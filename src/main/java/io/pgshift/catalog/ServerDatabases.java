package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The databases a whole-server command works on: every one but the templates and the providers' own. */
public final class ServerDatabases {
    /**
     * template0 and template1 come with every server and are never copied: the target has its own, and a
     * database copied from the source was created from template0 anyway. The others belong to the managed
     * services (Azure, RDS, Cloud SQL), which refuse or ignore changes to them.
     */
    public static final Set<String> NEVER_MIGRATED = Set.of("template0", "template1", "azure_maintenance",
            "azure_sys", "rdsadmin", "cloudsqladmin");

    private ServerDatabases() {
    }

    /** Largest first, so the database that takes longest starts first. */
    public static List<ServerDatabase> list(Connection connection) throws SQLException {
        // pg_database_size needs CONNECT on the database (or pg_read_all_stats); without it, the size is unknown.
        String sql = """
                SELECT d.datname, d.datallowconn,
                       CASE WHEN pg_catalog.has_database_privilege(d.oid, 'CONNECT')
                            THEN pg_catalog.pg_database_size(d.oid) ELSE 0 END AS bytes
                FROM pg_catalog.pg_database d
                WHERE NOT (d.datname = ANY (?))
                ORDER BY bytes DESC, d.datname""";
        List<ServerDatabase> databases = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setArray(1, connection.createArrayOf("text", NEVER_MIGRATED.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    databases.add(new ServerDatabase(rs.getString("datname"), rs.getLong("bytes"),
                            rs.getBoolean("datallowconn")));
                }
            }
        }
        return databases;
    }
}
