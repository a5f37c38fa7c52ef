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
import static io.pgshift.catalog.Queries.notExtensionMember;
import static io.pgshift.catalog.Queries.single;
import static io.pgshift.catalog.Queries.userSchema;

/**
 * Reads a source database's schema from its catalogs. Queries branch on the server version, because the
 * catalogs change between 9.6 and 18. The caller's connection must already be inside the snapshot
 * transaction, with {@code search_path} empty so that every printed name is schema-qualified.
 */
public final class CatalogReader {
    private final Connection connection;
    private final ServerVersion version;

    public CatalogReader(Connection connection, ServerVersion version) {
        this.connection = connection;
        this.version = version;
    }

    public static ServerVersion versionOf(Connection connection) throws SQLException {
        return new ServerVersion(Integer.parseInt(single(connection, "SHOW server_version_num")));
    }

    public Catalog read() throws SQLException {
        List<Table> tables = tables();
        SourceContext context = new SourceContext(connection, version);
        List<ObjectDef> objects = new ArrayList<>();
        for (ObjectSource source : ObjectSources.ALL) {
            objects.addAll(source.read(context));
        }
        return new Catalog(version, database(), schemas(), tables, new SequenceReader(connection, version).read(),
                views(), constraints(), indexes(), List.copyOf(objects), new DependencyReader(connection).read());
    }

    DatabaseInfo database() throws SQLException {
        return DatabaseReader.read(new SourceContext(connection, version));
    }

    List<Schema> schemas() throws SQLException {
        return list(connection, """
                SELECT n.oid, n.nspname, pg_catalog.pg_get_userbyid(n.nspowner) AS owner,
                       pg_catalog.obj_description(n.oid, 'pg_namespace') AS comment, %s AS acl
                FROM pg_catalog.pg_namespace n
                WHERE %s AND %s
                ORDER BY n.nspname""".formatted(SourceContext.aclJson("n.nspacl", 'n', "n.nspowner"), userSchema("n.nspname"),
                        notExtensionMember("pg_namespace", "n.oid")),
                rs -> new Schema(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
    }

    public List<Table> tables() throws SQLException {
        Map<Long, List<Column>> columns = columns();
        return list(connection, """
                SELECT c.oid, n.nspname, c.relname, pg_catalog.pg_get_userbyid(c.relowner) AS owner,
                       c.relpersistence, GREATEST(c.reltuples, 0)::bigint AS estimated_rows,
                       pg_catalog.pg_relation_size(c.oid) AS bytes,
                       pg_catalog.obj_description(c.oid, 'pg_class') AS comment, %s AS acl
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND %s AND %s
                ORDER BY n.nspname, c.relname""".formatted(SourceContext.aclJson("c.relacl", 'r', "c.relowner"), userSchema("n.nspname"),
                        notExtensionMember("pg_class", "c.oid")),
                rs -> new Table(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        charOf(rs, "relpersistence"), columns.getOrDefault(rs.getLong(1), List.of()),
                        rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9)));
    }

    private Map<Long, List<Column>> columns() throws SQLException {
        String identity = version.atLeast(10) ? "a.attidentity" : "''";
        String generated = version.atLeast(12) ? "a.attgenerated" : "''";
        Map<Long, List<Column>> byTable = new HashMap<>();
        list(connection, """
                SELECT a.attrelid, a.attnum, a.attname,
                       pg_catalog.format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
                       pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) AS default_expr,
                       %s AS identity, %s AS generated,
                       CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN
                            (SELECT pg_catalog.quote_ident(cn.nspname) || '.' || pg_catalog.quote_ident(co.collname)
                             FROM pg_catalog.pg_collation co
                             JOIN pg_catalog.pg_namespace cn ON cn.oid = co.collnamespace
                             WHERE co.oid = a.attcollation) END AS collation,
                       t.typcategory, pg_catalog.col_description(a.attrelid, a.attnum) AS comment,
                       %s AS acl
                FROM pg_catalog.pg_attribute a
                JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                JOIN pg_catalog.pg_type t ON t.oid = a.atttypid
                LEFT JOIN pg_catalog.pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
                WHERE c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped AND %s
                ORDER BY a.attrelid, a.attnum""".formatted(identity, generated, SourceContext.aclJson("a.attacl", 'c', "c.relowner"),
                        userSchema("n.nspname")),
                rs -> {
                    Column column = new Column(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5),
                            rs.getString(6), charOf(rs, "identity"), charOf(rs, "generated"), rs.getString(9),
                            charOf(rs, "typcategory"), rs.getString(11), rs.getString(12));
                    byTable.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(column);
                    return column;
                });
        return byTable;
    }

    List<View> views() throws SQLException {
        return list(connection, """
                SELECT c.oid, n.nspname, c.relname, pg_catalog.pg_get_userbyid(c.relowner) AS owner,
                       pg_catalog.pg_get_viewdef(c.oid) AS definition,
                       pg_catalog.array_to_string(ARRAY(SELECT o FROM pg_catalog.unnest(c.reloptions) o
                                                        WHERE o NOT LIKE 'check_option=%%'), ', ') AS options,
                       (SELECT pg_catalog.substring(o, 14) FROM pg_catalog.unnest(c.reloptions) o
                        WHERE o LIKE 'check_option=%%') AS check_option,
                       pg_catalog.obj_description(c.oid, 'pg_class') AS comment, %s AS acl
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'v' AND %s AND %s
                ORDER BY c.oid""".formatted(SourceContext.aclJson("c.relacl", 'r', "c.relowner"), userSchema("n.nspname"),
                        notExtensionMember("pg_class", "c.oid")),
                rs -> new View(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        emptyToNull(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9)));
    }

    List<Constraint> constraints() throws SQLException {
        return list(connection, """
                SELECT co.oid, co.conrelid, n.nspname, c.relname, co.conname, co.contype,
                       pg_catalog.pg_get_constraintdef(co.oid) AS definition, co.convalidated, co.conislocal,
                       co.confrelid, co.conindid, pg_catalog.obj_description(co.oid, 'pg_constraint') AS comment
                FROM pg_catalog.pg_constraint co
                JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind = 'r' AND co.contype IN ('p', 'u', 'c', 'f', 'x') AND %s AND %s
                ORDER BY n.nspname, c.relname, co.conname""".formatted(userSchema("n.nspname"),
                        notExtensionMember("pg_class", "c.oid")),
                rs -> new Constraint(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        charOf(rs, "contype"), rs.getString(7), rs.getBoolean(8), rs.getBoolean(9), rs.getLong(10),
                        rs.getLong(11), rs.getString(12)));
    }

    List<Index> indexes() throws SQLException {
        return list(connection, """
                SELECT i.indexrelid, i.indrelid, n.nspname, ic.relname,
                       pg_catalog.pg_get_indexdef(i.indexrelid) AS definition, i.indisclustered,
                       pg_catalog.obj_description(i.indexrelid, 'pg_class') AS comment
                FROM pg_catalog.pg_index i
                JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
                WHERE c.relkind = 'r' AND %s AND %s
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
                                  WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))
                ORDER BY n.nspname, ic.relname""".formatted(userSchema("n.nspname"),
                        notExtensionMember("pg_class", "c.oid")),
                rs -> new Index(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getBoolean(6), rs.getString(7)));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
