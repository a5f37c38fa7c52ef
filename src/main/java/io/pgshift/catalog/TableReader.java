package io.pgshift.catalog;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.pgshift.catalog.Queries.charOf;
import static io.pgshift.catalog.Queries.list;
import static io.pgshift.catalog.Queries.notExtensionMember;
import static io.pgshift.catalog.Queries.userSchema;

/**
 * Reads tables (plain, unlogged, partitioned, partitions, inheritance children, typed) with their columns.
 * Each query branches on the server version: partitioning came in 10, generated columns and table access
 * methods in 12, column compression in 14, WITH OIDS went away in 12 and NOT NULL constraints got rows
 * of their own in 18.
 */
final class TableReader {
    /** SQL: the relations that are tables, plain or partitioned. */
    static final String TABLES = "c.relkind IN ('r', 'p')";
    /** SQL: the materialized views that hold rows, which verify compares as it compares tables. */
    static final String POPULATED_MATERIALIZED_VIEWS = "c.relkind = 'm' AND c.relispopulated";
    private final Connection connection;
    private final ServerVersion version;
    private final boolean sizes;
    private final String relations;

    /**
     * The root of a leaf partition's tree when some table of the tree is hash-partitioned (hash partitioning
     * came in 11) on a key whose hash depends on an enum: an enum value hashes by its oid, which differs on the
     * target, so its rows must be routed again there. pg_dump looks for the enum operator class only; this
     * also finds an enum inside a domain, an array, a range, a multirange or a composite type, and an
     * expression key whose operator class is polymorphic (its type is not recorded, so it may hold an enum).
     * A reg* key (an oid, printed as a name) hashes differently on the target for the same reason.
     */
    private static final String LOAD_THROUGH_ROOT = """
            CASE WHEN c.relkind = 'r' AND c.relispartition THEN (
                WITH RECURSIVE up(relid, depth) AS (
                    SELECT c.oid, 0
                    UNION ALL
                    SELECT i.inhparent, up.depth + 1 FROM up JOIN pg_catalog.pg_inherits i ON i.inhrelid = up.relid)
                SELECT CASE WHEN bool_or(pt.partstrat = 'h' AND EXISTS (
                                WITH RECURSIVE key_type(oid) AS (
                                    SELECT CASE WHEN k.attnum = 0 THEN oc.opcintype ELSE a.atttypid END
                                    FROM ROWS FROM (pg_catalog.unnest(pt.partattrs::pg_catalog.int2[]),
                                                    pg_catalog.unnest(pt.partclass::pg_catalog.oid[])) AS k(attnum, opclass)
                                    JOIN pg_catalog.pg_opclass oc ON oc.oid = k.opclass
                                    LEFT JOIN pg_catalog.pg_attribute a ON a.attrelid = pt.partrelid AND a.attnum = k.attnum
                                    UNION
                                    SELECT inner_type.oid FROM key_type kt
                                    JOIN pg_catalog.pg_type t ON t.oid = kt.oid
                                    CROSS JOIN LATERAL (
                                        SELECT t.typbasetype WHERE t.typtype = 'd'
                                        UNION ALL SELECT t.typelem WHERE t.typelem <> 0 AND t.typlen = -1
                                        UNION ALL SELECT r.rngsubtype FROM pg_catalog.pg_range r WHERE r.rngtypid = t.oid
                                        %s
                                        UNION ALL SELECT ca.atttypid FROM pg_catalog.pg_attribute ca
                                                  WHERE t.typtype = 'c' AND ca.attrelid = t.typrelid AND ca.attnum > 0
                                                    AND NOT ca.attisdropped) inner_type(oid))
                                SELECT FROM key_type kt JOIN pg_catalog.pg_type t ON t.oid = kt.oid
                                WHERE t.typtype IN ('e', 'p') OR (t.oid < 16384 AND t.typname ~ '^reg')))
                            THEN (SELECT pg_catalog.quote_ident(rn.nspname) || '.' || pg_catalog.quote_ident(r.relname)
                                  FROM up top JOIN pg_catalog.pg_class r ON r.oid = top.relid
                                  JOIN pg_catalog.pg_namespace rn ON rn.oid = r.relnamespace
                                  ORDER BY top.depth DESC LIMIT 1) END
                FROM up LEFT JOIN pg_catalog.pg_partitioned_table pt ON pt.partrelid = up.relid) END""";

    /** A multirange's elements are its range's subtype; multiranges exist from 14 on. */
    private static final String MULTIRANGE_SUBTYPE =
            "UNION ALL SELECT mr.rngsubtype FROM pg_catalog.pg_range mr WHERE mr.rngmultitypid = t.oid";

    /**
     * @param sizes whether to read each table's size, which opens the table: a schema-only run, which
     *              schedules no rows, leaves it out and sees every table as empty
     */
    TableReader(Connection connection, ServerVersion version, boolean sizes) {
        this(connection, version, sizes, TABLES);
    }

    /** @param relations SQL: which relations to read, as a condition on {@code c} (populated materialized views) */
    TableReader(Connection connection, ServerVersion version, boolean sizes, String relations) {
        this.connection = connection;
        this.version = version;
        this.sizes = sizes;
        this.relations = relations;
    }

    List<Table> read() throws SQLException {
        return withColumns(readWithoutColumns(), new ColumnReader(connection, version, relations).read());
    }

    /** The tables given their columns, which a {@link ColumnReader} may read on another session meanwhile. */
    static List<Table> withColumns(List<Table> tables, Map<Long, List<Column>> columns) {
        List<Table> complete = new ArrayList<>(tables.size());
        for (Table t : tables) {
            complete.add(new Table(t.oid(), t.schema(), t.name(), t.owner(), t.persistence(),
                    columns.getOrDefault(t.oid(), List.of()), t.estimatedRows(), t.bytes(), t.comment(), t.acl(),
                    t.layout()));
        }
        return complete;
    }

    List<Table> readWithoutColumns() throws SQLException {
        boolean v10 = version.atLeast(10);
        String partitionKey = v10 ? "CASE WHEN c.relkind = 'p' THEN pg_catalog.pg_get_partkeydef(c.oid) END" : "NULL";
        String partitionBound = v10
                ? "CASE WHEN c.relispartition THEN pg_catalog.pg_get_expr(c.relpartbound, c.oid) END" : "NULL";
        String accessMethod = version.atLeast(12)
                ? "(SELECT am.amname FROM pg_catalog.pg_am am WHERE am.oid = c.relam)" : "NULL";
        String hasOids = version.atLeast(12) ? "false" : "c.relhasoids";
        String loadThrough = version.atLeast(11)
                ? LOAD_THROUGH_ROOT.formatted(version.atLeast(14) ? MULTIRANGE_SUBTYPE : "") : "NULL";
        return list(connection, """
                SELECT c.oid, n.nspname, c.relname, pg_catalog.pg_get_userbyid(c.relowner) AS owner,
                       c.relpersistence, GREATEST(c.reltuples, 0)::bigint AS estimated_rows,
                       %s AS bytes,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = c.oid AND cmt.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment, %s AS acl,
                       c.relkind,
                       ARRAY(SELECT i.inhparent::pg_catalog.int8 FROM pg_catalog.pg_inherits i
                             WHERE i.inhrelid = c.oid ORDER BY i.inhseqno) AS parents,
                       %s AS partition_key, %s AS partition_bound,
                       CASE WHEN c.reloftype <> 0 THEN pg_catalog.format_type(c.reloftype, NULL) END AS of_type,
                       %s AS options,
                       (SELECT %s FROM pg_catalog.pg_class tc WHERE tc.oid = c.reltoastrelid) AS toast_options,
                       c.relreplident, %s AS access_method,
                       (SELECT s.spcname FROM pg_catalog.pg_tablespace s WHERE s.oid = c.reltablespace) AS tablespace,
                       %s AS has_oids, %s AS load_through
                FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE %s AND %s AND %s
                ORDER BY n.nspname, c.relname""".formatted(sizes ? "pg_catalog.pg_relation_size(c.oid)" : "0",
                        SourceContext.aclJson("c.relacl", 'r', "c.relowner"), partitionKey, partitionBound, Queries.options("c.reloptions"),
                        Queries.options("tc.reloptions", "toast."), accessMethod, hasOids, loadThrough,
                        relations, userSchema("n.nspname"),
                        notExtensionMember("pg_class", "c.oid")),
                rs -> new Table(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        charOf(rs, "relpersistence"), List.of(),
                        rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9), layout(rs)));
    }

    private static TableLayout layout(ResultSet rs) throws SQLException {
        return new TableLayout(charOf(rs, "relkind"), oids(rs.getArray("parents")), rs.getString("partition_key"),
                rs.getString("partition_bound"), rs.getString("of_type"), Queries.emptyToNull(rs.getString("options")),
                Queries.emptyToNull(rs.getString("toast_options")), charOf(rs, "relreplident"),
                rs.getString("access_method"), rs.getString("tablespace"), rs.getBoolean("has_oids"),
                rs.getString("load_through"));
    }

    private static List<Long> oids(Array array) throws SQLException {
        List<Long> oids = new ArrayList<>();
        if (array != null) {
            for (Object o : (Object[]) array.getArray()) {
                oids.add(((Number) o).longValue());
            }
        }
        return oids;
    }
}
