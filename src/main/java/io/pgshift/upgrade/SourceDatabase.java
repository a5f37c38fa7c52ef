package io.pgshift.upgrade;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A database the upgrade moves, with its size: the largest start first and get the largest share of the jobs.
 *
 * @param bytes pg_database_size on the source; 0 when the user may not connect to it
 */
record SourceDatabase(String name, long bytes) {

    /** The named databases, largest first. */
    static List<SourceDatabase> sized(Connection source, List<String> names) throws SQLException {
        // pg_database_size needs CONNECT on the database (or pg_read_all_stats); without it, the size is unknown.
        String sql = """
                SELECT d.datname, CASE WHEN pg_catalog.has_database_privilege(d.oid, 'CONNECT')
                                       THEN pg_catalog.pg_database_size(d.oid) ELSE 0 END AS bytes
                FROM pg_catalog.pg_database d WHERE d.datname = ANY (?)
                ORDER BY bytes DESC, d.datname""";
        List<SourceDatabase> databases = new ArrayList<>();
        try (PreparedStatement ps = source.prepareStatement(sql)) {
            ps.setArray(1, source.createArrayOf("text", names.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    databases.add(new SourceDatabase(rs.getString(1), rs.getLong(2)));
                }
            }
        }
        return databases;
    }
}
