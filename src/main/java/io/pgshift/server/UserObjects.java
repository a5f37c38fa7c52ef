package io.pgshift.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What a database holds that a user made: relations, routines and schemas outside the system schemas, leaving
 * out what extensions created. A target database that holds any of these is not empty, and a copy into it
 * would mix two databases.
 */
public final class UserObjects {
    /** The most names returned; enough to show what is in the way. */
    private static final int LIMIT = 1000;

    private UserObjects() {
    }

    /** Up to a thousand user objects of the connection's database, by name; empty for an empty database. */
    public static List<String> list(Connection connection) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT n.nspname || '.' || c.relname FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
                  AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_'
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_class'::regclass
                                  AND d.objid = c.oid AND d.deptype = 'e')
                UNION ALL
                SELECT n.nspname || '.' || p.proname || '()' FROM pg_catalog.pg_proc p
                JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace
                WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_'
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d WHERE d.classid = 'pg_catalog.pg_proc'::regclass
                                  AND d.objid = p.oid AND d.deptype = 'e')
                UNION ALL
                SELECT 'schema ' || n.nspname FROM pg_catalog.pg_namespace n
                WHERE n.nspname NOT IN ('public', 'information_schema') AND n.nspname !~ '^pg_'
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_depend d
                                  WHERE d.classid = 'pg_catalog.pg_namespace'::regclass
                                  AND d.objid = n.oid AND d.deptype = 'e')
                LIMIT\s""" + LIMIT)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
