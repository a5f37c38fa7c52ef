package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.pgshift.catalog.Queries.charOf;
import static io.pgshift.catalog.Queries.list;
import static io.pgshift.catalog.Queries.userSchema;

/** Columns of every table, by table oid, in column order. */
final class ColumnReader {
    private final Connection connection;
    private final ServerVersion version;
    private final String relations;

    ColumnReader(Connection connection, ServerVersion version) {
        this(connection, version, TableReader.TABLES);
    }

    /** @param relations SQL: whose columns to read, as a condition on {@code c} */
    ColumnReader(Connection connection, ServerVersion version, String relations) {
        this.connection = connection;
        this.version = version;
        this.relations = relations;
    }

    Map<Long, List<Column>> read() throws SQLException {
        String identity = version.atLeast(10) ? "a.attidentity" : "''";
        String generated = version.atLeast(12) ? "a.attgenerated" : "''";
        String compression = version.atLeast(14) ? "a.attcompression" : "''";
        // A default never refers to a column, so it is printed without the table as context: pg_get_expr opens
        // the table for its column names otherwise, which was half this query's time on a 10,000-table schema.
        // A generated column's expression does refer to columns.
        String defaultExpr = version.atLeast(12) ? "CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, 0) "
                + "ELSE pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END" : "pg_catalog.pg_get_expr(ad.adbin, 0)";
        Map<Long, List<Column>> byTable = new HashMap<>();
        list(connection, """
                SELECT a.attrelid, a.attnum, a.attname,
                       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
                       %s AS default_expr, %s AS identity, %s AS generated,
                       CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN
                            (SELECT pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
                             FROM pg_catalog.pg_collation co
                             JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                             WHERE co.oid = a.attcollation) END AS collation,
                       t.typcategory, (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = a.attrelid AND cmt.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cmt.objsubid = a.attnum) AS comment,
                       %s AS acl, a.attislocal, %s,
                       CASE WHEN a.attstorage <> t.typstorage THEN a.attstorage END AS storage,
                       %s AS compression,
                       CASE WHEN a.attstattarget >= 0 THEN a.attstattarget END AS statistics,
                       %s AS options, COALESCE(ad.oid, 0) AS default_oid
                FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
                LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                %s
                WHERE %s AND a.attnum > 0 AND NOT a.attisdropped AND %s
                ORDER BY a.attrelid, a.attnum""".formatted(defaultExpr, identity, generated,
                        SourceContext.aclJson("a.attacl", 'c', "c.relowner"), notNullColumns(), compression,
                        Queries.options("a.attoptions"), notNullJoin(), relations, userSchema("n.nspname")),
                rs -> {
                    Column column = new Column(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                            rs.getString(6), charOf(rs, "identity"), charOf(rs, "generated"), rs.getString(9),
                            charOf(rs, "typcategory"), rs.getString(11), rs.getString(12),
                            rs.getBoolean("attislocal"), notNull(rs), settings(rs), rs.getLong("default_oid"));
                    byTable.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(column);
                    return column;
                });
        return byTable;
    }

    /**
     * From 18 a NOT NULL constraint is a pg_constraint row with a name, NO INHERIT and validity. Before,
     * it only counts as local when no parent has the column NOT NULL: that is when pg_dump prints it.
     */
    private String notNullColumns() {
        if (version.atLeast(18)) {
            return """
                    nn.oid IS NOT NULL AS has_not_null, COALESCE(nn.oid, 0) AS not_null_oid,
                    nn.conname AS not_null_name, c.relname AS not_null_table,
                    COALESCE(nn.conislocal, false) AS not_null_local,
                    COALESCE(nn.connoinherit, false) AS not_null_no_inherit,
                    COALESCE(nn.convalidated, true) AS not_null_valid,
                    (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = nn.oid AND cmt.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND cmt.objsubid = 0) AS not_null_comment""";
        }
        return """
                a.attnotnull AS has_not_null, 0 AS not_null_oid, NULL AS not_null_name, NULL AS not_null_table,
                NOT EXISTS (SELECT 1 FROM pg_catalog.pg_inherits i
                            JOIN pg_catalog.pg_attribute pa ON pa.attrelid = i.inhparent AND pa.attname = a.attname
                            WHERE i.inhrelid = a.attrelid AND pa.attnotnull) AS not_null_local,
                false AS not_null_no_inherit, true AS not_null_valid, NULL AS not_null_comment""";
    }

    private String notNullJoin() {
        return version.atLeast(18) ? """
                LEFT JOIN pg_catalog.pg_constraint nn ON nn.conrelid = a.attrelid AND nn.contype = 'n'
                     AND nn.conkey = ARRAY[a.attnum]""" : "";
    }

    private static Column.NotNull notNull(ResultSet rs) throws SQLException {
        if (!rs.getBoolean("has_not_null")) {
            return null;
        }
        String name = rs.getString("not_null_name");
        if (name != null && name.equals(Column.NotNull.defaultName(rs.getString("not_null_table"), rs.getString("attname")))) {
            name = null;
        }
        return new Column.NotNull(rs.getLong("not_null_oid"), name, rs.getBoolean("not_null_local"),
                rs.getBoolean("not_null_no_inherit"), rs.getBoolean("not_null_valid"), rs.getString("not_null_comment"));
    }

    private static Column.ColumnSettings settings(ResultSet rs) throws SQLException {
        String storage = switch (charOf(rs, "storage")) {
            case 'p' -> "PLAIN";
            case 'm' -> "MAIN";
            case 'e' -> "EXTERNAL";
            case 'x' -> "EXTENDED";
            default -> null;
        };
        String compression = switch (charOf(rs, "compression")) {
            case 'p' -> "pglz";
            case 'l' -> "lz4";
            default -> null;
        };
        int statistics = rs.getInt("statistics");
        return new Column.ColumnSettings(storage, compression, rs.wasNull() ? null : statistics,
                Queries.emptyToNull(rs.getString("options")));
    }
}
