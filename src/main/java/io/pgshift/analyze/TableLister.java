package io.pgshift.analyze;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connector;

/** The tables of a database that ANALYZE gives statistics to. */
final class TableLister {
    /**
     * Tables, materialized views that hold rows, and partitioned tables (whose statistics over all their
     * partitions nothing else collects: autovacuum never analyzes them). System catalogs are left to
     * autovacuum. A partitioned table weighs what its partitions do, as ANALYZE samples them.
     */
    private static final String TABLES = """
            SELECT n.nspname, c.relname,
                   CASE WHEN c.relkind = 'p'
                        THEN coalesce((SELECT sum(pg_catalog.pg_relation_size(i.inhrelid))::bigint
                                       FROM pg_catalog.pg_inherits i WHERE i.inhparent = c.oid), 0)
                        ELSE pg_catalog.pg_relation_size(c.oid) END AS bytes,
                   CASE WHEN pg_catalog.pg_has_role(c.relowner, 'USAGE') THEN NULL
                        ELSE pg_catalog.pg_get_userbyid(c.relowner) END AS foreign_owner
            FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'm', 'p') AND c.relpersistence <> 't' AND (c.relkind <> 'm' OR c.relispopulated)
              AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_toast'""";

    private TableLister() {
    }

    /**
     * @param foreignOwners collects the owners of the tables the user neither owns nor has the privileges of:
     *                      ANALYZE skips those tables, with a warning, unless the user comes to act as them
     */
    static List<AnalyzeTable> list(ConnInfo server, String database, Set<String> foreignOwners) throws SQLException {
        List<AnalyzeTable> tables = new ArrayList<>();
        ConnInfo info = database.equals(server.dbname()) ? server : server.withDatabase(database);
        try (Connection c = Connector.open(info); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(TABLES)) {
            while (rs.next()) {
                tables.add(new AnalyzeTable(database, rs.getString(1), rs.getString(2), rs.getLong(3)));
                if (rs.getString(4) != null) {
                    foreignOwners.add(rs.getString(4));
                }
            }
        }
        return tables;
    }
}
