package io.pgshift.tables;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.catalog.ServerVersion;

/**
 * A version-neutral description of every table, column, constraint and index, read from the catalogs, for
 * targets that pg_dump 15 cannot dump (16 and later). Partitions are described without attislocal and
 * conislocal: pg_dump creates a partition on its own and attaches it, which makes them local, and prints
 * partitions the same either way.
 */
final class TableStructure {
    private TableStructure() {
    }

    static List<String> describe(Connection connection) throws SQLException {
        ServerVersion v = CatalogReader.versionOf(connection);
        List<String> lines = new ArrayList<>();
        String partition = v.atLeast(10) ? "c.relispartition" : "false";
        String bound = v.atLeast(10) ? "pg_catalog.pg_get_expr(c.relpartbound, c.oid)" : "NULL";
        String key = v.atLeast(10) ? "CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END" : "NULL";
        String user = "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_'";
        query(connection, lines, """
                SELECT 'table ' || c.oid::regclass || ' kind=' || c.relkind::text || ' persistence=' || c.relpersistence::text
                       || ' bound=' || COALESCE(%s, '-') || ' key=' || COALESCE(%s, '-')
                       || ' parents=' || COALESCE((SELECT string_agg(i.inhparent::regclass::text, ',' ORDER BY i.inhseqno)
                                                   FROM pg_inherits i WHERE i.inhrelid = c.oid), '-')
                       || ' options=' || COALESCE(c.reloptions::text, '-')
                       || ' toast=' || COALESCE((SELECT t.reloptions::text FROM pg_class t WHERE t.oid = c.reltoastrelid), '-')
                       || ' replident=' || c.relreplident::text || ' of=' || c.reloftype::regtype::text
                       || ' comment=' || COALESCE(obj_description(c.oid, 'pg_class'), '-')
                FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND %s""".formatted(bound, key, user));
        query(connection, lines, """
                SELECT 'column ' || c.oid::regclass || '.' || quote_ident(a.attname)
                       || ' #' || (SELECT count(*) FROM pg_attribute b WHERE b.attrelid = a.attrelid AND b.attnum > 0
                                   AND NOT b.attisdropped AND b.attnum <= a.attnum)
                       || ' ' || format_type(a.atttypid, a.atttypmod) || ' notnull=' || a.attnotnull
                       || CASE WHEN %s THEN '' ELSE ' local=' || a.attislocal || ' inh=' || a.attinhcount END
                       || ' default=' || COALESCE(pg_get_expr(d.adbin, d.adrelid), '-')
                       || ' identity=' || %s || ' generated=' || %s
                       || ' storage=' || a.attstorage::text || ' stats=' || COALESCE(CASE WHEN a.attstattarget >= 0
                                                                 THEN a.attstattarget::text END, '-')
                       || ' options=' || COALESCE(a.attoptions::text, '-') || ' collation=' || a.attcollation::regcollation::text
                       || ' comment=' || COALESCE(col_description(a.attrelid, a.attnum), '-')
                FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
                WHERE c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND %s"""
                .formatted(partition, v.atLeast(10) ? "a.attidentity::text" : "''",
                        v.atLeast(12) ? "a.attgenerated::text" : "''", user).replace("a.attcollation::regcollation::text",
                        "COALESCE((SELECT quote_ident(co.collname) FROM pg_collation co WHERE co.oid = a.attcollation), '-')"));
        query(connection, lines, """
                SELECT 'constraint ' || c.oid::regclass || '.' || quote_ident(co.conname) || ' ' || co.contype::text
                       || ' ' || pg_get_constraintdef(co.oid) || ' valid=' || co.convalidated
                       || CASE WHEN %s THEN '' ELSE ' local=' || co.conislocal || ' inh=' || co.coninhcount END
                       || ' comment=' || COALESCE(obj_description(co.oid, 'pg_constraint'), '-')
                FROM pg_constraint co JOIN pg_class c ON c.oid = co.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND %s""".formatted(partition, user));
        String parentIndex = v.atLeast(11)
                ? "COALESCE((SELECT inh.inhparent::regclass::text FROM pg_inherits inh WHERE inh.inhrelid = i.indexrelid), '-')"
                : "'-'";
        query(connection, lines, """
                SELECT 'index ' || pg_get_indexdef(i.indexrelid) || ' clustered=' || i.indisclustered
                       || ' replident=' || i.indisreplident || ' parent=' || %s
                       || ' options=' || COALESCE(ic.reloptions::text, '-')
                       || ' comment=' || COALESCE(obj_description(i.indexrelid, 'pg_class'), '-')
                FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid JOIN pg_namespace n ON n.oid = ic.relnamespace
                WHERE %s""".formatted(parentIndex, user));
        lines.sort(null);
        return lines;
    }

    private static void query(Connection connection, List<String> lines, String sql) throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("SET search_path = ''");
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    lines.add(rs.getString(1));
                }
            }
        }
    }
}
