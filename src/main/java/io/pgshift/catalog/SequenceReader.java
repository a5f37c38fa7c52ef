package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.pgshift.sql.Sql;

import static io.pgshift.catalog.Queries.list;
import static io.pgshift.catalog.Queries.notExtensionMember;
import static io.pgshift.catalog.Queries.userSchema;

/**
 * Reads sequences. A sequence's position is only in the sequence relation itself, and so, before PostgreSQL
 * 10 moved them into the pg_sequence catalog, are its options: both are read from the relations, many
 * sequences per query.
 */
final class SequenceReader {
    /**
     * Sequences read by one query, a UNION ALL of one SELECT each. Planning such a query grows with the square
     * of its branches (500 sequences took 194 ms, 50 took 2 ms), so many small queries beat one large one.
     */
    private static final int POSITION_BATCH = 50;

    private final Connection connection;
    private final ServerVersion version;
    private final boolean readPositions;

    /** @param positions whether to read where each sequence stands; if not, each stands at its start */
    SequenceReader(Connection connection, ServerVersion version, boolean positions) {
        this.connection = connection;
        this.version = version;
        this.readPositions = positions;
    }

    private record Header(long oid, String schema, String name, String owner, String comment, String acl,
                          SequenceDef.ColumnRef ownedBy, SequenceDef.ColumnRef identityOf, Options options,
                          boolean unlogged) {
    }

    private record Options(String dataType, long start, long increment, long min, long max, long cache,
                           boolean cycle) {
    }

    /** Where a sequence stands, and on 9.6 its options, read from the sequence relation. */
    private record Position(long lastValue, boolean isCalled, Options legacyOptions) {
    }

    List<SequenceDef> read() throws SQLException {
        List<Header> headers = headers();
        Map<Long, Position> positions = positions(headers);
        List<SequenceDef> sequences = new ArrayList<>(headers.size());
        for (Header h : headers) {
            Position p = positions.get(h.oid());
            Options o = h.options() != null ? h.options() : p.legacyOptions();
            sequences.add(new SequenceDef(h.oid(), h.schema(), h.name(), h.owner(), o.dataType(), o.start(),
                    o.increment(), o.min(), o.max(), o.cache(), o.cycle(), p.lastValue(), p.isCalled(),
                    h.ownedBy(), h.identityOf(), h.comment(), h.acl(), h.unlogged()));
        }
        return sequences;
    }

    private List<Header> headers() throws SQLException {
        boolean catalog = version.atLeast(10);
        String options = catalog
                ? "pg_catalog.format_type(s.seqtypid, NULL) AS data_type, s.seqstart, s.seqincrement, s.seqmin, "
                  + "s.seqmax, s.seqcache, s.seqcycle"
                : "NULL AS data_type, 0, 0, 0, 0, 0, false";
        String join = catalog ? "JOIN pg_catalog.pg_sequence s ON s.seqrelid = c.oid" : "";
        return list(connection, """
                SELECT c.oid, n.nspname, c.relname, pg_catalog.pg_get_userbyid(c.relowner) AS owner,
                       (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = c.oid AND cmt.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment,
                       d.deptype, d.refobjid, tn.nspname AS table_schema, tc.relname AS table_name,
                       ta.attname AS column_name, %s AS acl, c.relpersistence = 'u' AS unlogged, %s
                FROM pg_catalog.pg_class c
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                %s
                LEFT JOIN pg_catalog.pg_depend d ON d.classid = 'pg_catalog.pg_class'::pg_catalog.regclass
                     AND d.objid = c.oid AND d.refclassid = 'pg_catalog.pg_class'::pg_catalog.regclass
                     AND d.refobjsubid > 0 AND d.deptype IN ('a', 'i')
                LEFT JOIN pg_catalog.pg_class tc ON tc.oid = d.refobjid
                LEFT JOIN pg_catalog.pg_namespace tn ON tn.oid = tc.relnamespace
                LEFT JOIN pg_catalog.pg_attribute ta ON ta.attrelid = d.refobjid AND ta.attnum = d.refobjsubid
                WHERE c.relkind = 'S' AND %s AND %s
                ORDER BY n.nspname, c.relname""".formatted(SourceContext.aclJson("c.relacl", 's', "c.relowner"), options, join, userSchema("n.nspname"),
                        notExtensionMember("pg_class", "c.oid")),
                rs -> {
                    SequenceDef.ColumnRef column = rs.getString("column_name") == null ? null
                            : new SequenceDef.ColumnRef(rs.getLong("refobjid"), rs.getString("table_schema"),
                                    rs.getString("table_name"), rs.getString("column_name"));
                    boolean identity = "i".equals(rs.getString("deptype"));
                    return new Header(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString("acl"), identity ? null : column, identity ? column : null,
                            catalog ? options(rs) : null, rs.getBoolean("unlogged"));
                });
    }

    private static Options options(ResultSet rs) throws SQLException {
        return new Options(rs.getString("data_type"), rs.getLong("seqstart"), rs.getLong("seqincrement"),
                rs.getLong("seqmin"), rs.getLong("seqmax"), rs.getLong("seqcache"), rs.getBoolean("seqcycle"));
    }

    private Map<Long, Position> positions(List<Header> headers) throws SQLException {
        Map<Long, Position> positions = new HashMap<>();
        List<Header> toRead = new ArrayList<>();
        for (Header h : headers) {
            if (readPositions || h.options() == null) {
                toRead.add(h);
            } else {
                positions.put(h.oid(), new Position(h.options().start(), false, null));
            }
        }
        for (int from = 0; from < toRead.size(); from += POSITION_BATCH) {
            List<Header> batch = toRead.subList(from, Math.min(toRead.size(), from + POSITION_BATCH));
            StringBuilder sql = new StringBuilder();
            for (Header h : batch) {
                if (sql.length() > 0) {
                    sql.append(" UNION ALL ");
                }
                sql.append("SELECT ").append(h.oid()).append("::bigint, last_value, is_called")
                        .append(h.options() == null
                                ? ", start_value, increment_by, min_value, max_value, cache_value, is_cycled" : "")
                        .append(" FROM ").append(Sql.qualified(h.schema(), h.name()));
            }
            list(connection, sql.toString(), rs -> positions.put(rs.getLong(1), new Position(rs.getLong(2),
                    rs.getBoolean(3), rs.getMetaData().getColumnCount() == 3 ? null : new Options(null, rs.getLong(4),
                    rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getBoolean(9)))));
        }
        return positions;
    }
}
