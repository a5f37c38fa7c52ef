package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.pgshift.catalog.Queries.list;
import static io.pgshift.catalog.Queries.notExtensionMember;
import static io.pgshift.catalog.Queries.userSchema;

/** Reads views and materialized views with what their columns carry. */
final class ViewReader {
    private final Connection connection;
    private final ServerVersion version;

    ViewReader(Connection connection, ServerVersion version) {
        this.connection = connection;
        this.version = version;
    }

    List<View> read() throws SQLException {
        return withColumns(readWithoutColumns(), columns());
    }

    /** The views given their columns, which another session may read meanwhile ({@link #columns}). */
    static List<View> withColumns(List<View> views, Map<Long, List<ViewColumn>> columns) {
        List<View> complete = new ArrayList<>(views.size());
        for (View v : views) {
            complete.add(new View(v.oid(), v.schema(), v.name(), v.owner(), v.definition(), v.options(),
                    v.checkOption(), v.comment(), v.acl(), v.materialized(), v.populated(), v.tablespace(),
                    v.accessMethod(), columns.getOrDefault(v.oid(), List.of()), v.sessionSettings()));
        }
        return complete;
    }

    List<View> readWithoutColumns() throws SQLException {
        // Table access methods arrived in 12; before that every materialized view is a heap.
        String accessMethod = version.atLeast(12)
                ? "(SELECT am.amname FROM pg_catalog.pg_am am WHERE am.oid = c.relam)" : "NULL";
        return list(connection, """
                SELECT c.oid, n.nspname, c.relname, pg_catalog.pg_get_userbyid(c.relowner) AS owner,
                       pg_catalog.pg_get_viewdef(c.oid) AS definition,
                       pg_catalog.array_to_string(ARRAY(
                           SELECT o FROM pg_catalog.unnest(c.reloptions) o WHERE o NOT LIKE 'check_option=%%'
                           UNION ALL
                           SELECT 'toast.' || o FROM pg_catalog.unnest(tc.reloptions) o), ', ') AS options,
                       (SELECT pg_catalog.substring(o, 14) FROM pg_catalog.unnest(c.reloptions) o
                        WHERE o LIKE 'check_option=%%') AS check_option,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = c.oid AND cmt.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment, %s AS acl,
                       c.relkind = 'm' AS materialized, c.relispopulated,
                       (SELECT ts.spcname FROM pg_catalog.pg_tablespace ts WHERE ts.oid = c.reltablespace) AS tablespace,
                       %s AS access_method,
                       -- A session's settings: its role's in its database, else its role's, else its database's.
                       CASE WHEN c.relkind = 'm' THEN ARRAY(
                           SELECT DISTINCT ON (pg_catalog.split_part(u.setting, '=', 1)) u.setting
                           FROM (SELECT pg_catalog.unnest(s.setconfig) AS setting,
                                        CASE WHEN s.setdatabase <> 0 AND s.setrole <> 0 THEN 1
                                             WHEN s.setrole <> 0 THEN 2 ELSE 3 END AS rank
                                 FROM pg_catalog.pg_db_role_setting s
                                 WHERE s.setdatabase IN (0, (SELECT d.oid FROM pg_catalog.pg_database d
                                                             WHERE d.datname = pg_catalog.current_database()))
                                   AND s.setrole IN (0, c.relowner) AND (s.setdatabase <> 0 OR s.setrole <> 0)) u
                           ORDER BY pg_catalog.split_part(u.setting, '=', 1), u.rank) END AS session_settings
                FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_class tc ON tc.oid = c.reltoastrelid
                WHERE c.relkind IN ('v', 'm') AND %s AND %s
                ORDER BY c.oid""".formatted(SourceContext.aclJson("c.relacl", 'r', "c.relowner"), accessMethod,
                        userSchema("n.nspname"), notExtensionMember("pg_class", "c.oid")),
                rs -> new View(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        emptyToNull(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getBoolean(10), rs.getBoolean(11), rs.getString(12), rs.getString(13), List.of(),
                        Queries.strings(rs.getArray("session_settings"))));
    }

    Map<Long, List<ViewColumn>> columns() throws SQLException {
        Map<Long, List<ViewColumn>> byView = new HashMap<>();
        list(connection, """
                SELECT a.attrelid, a.attname, pg_catalog.pg_get_expr(ad.adbin, 0) AS default_expr,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = a.attrelid AND cmt.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cmt.objsubid = a.attnum) AS comment, %s AS acl,
                       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type,
                       (SELECT pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
                        FROM pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                        WHERE co.oid = a.attcollation
                          AND a.attcollation <> (SELECT t.typcollation FROM pg_catalog.pg_type t WHERE t.oid = a.atttypid))
                           AS collation
                FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                WHERE c.relkind IN ('v', 'm') AND a.attnum > 0 AND NOT a.attisdropped AND %s
                ORDER BY a.attrelid, a.attnum""".formatted(SourceContext.aclJson("a.attacl", 'c', "c.relowner"),
                        userSchema("n.nspname")),
                rs -> byView.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new ViewColumn(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                                rs.getString(6), rs.getString(7))));
        return byView;
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
