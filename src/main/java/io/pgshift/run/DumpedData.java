package io.pgshift.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import io.pgshift.sql.Sql;
import io.pgshift.plan.Entry;
import io.pgshift.data.CopyStatements;
import io.pgshift.object.Kind;
import io.pgshift.object.Rows;

/**
 * The data a copy streams between two sessions, turned into statements a dump can hold: a large object's
 * contents become {@code lo_put} calls, an extension configuration table's user rows an INSERT from a JSON
 * literal. Both are read in the dump's snapshot. They are meant for what these usually are, a few kilobytes:
 * the contents sit in the manifest, hex-encoded or as JSON, not in data files.
 */
final class DumpedData {
    /** Bytes per lo_put; each becomes a statement of twice that many hex digits. */
    private static final int CHUNK_BYTES = 256 * 1024;

    private DumpedData() {
    }

    static List<Entry> resolve(Connection source, List<Entry> entries) throws SQLException {
        List<Entry> resolved = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            if (e.kind() == Kind.LARGE_OBJECT_DATA) {
                resolved.add(e.withSql(largeObject(source, e.ref().oid())));
            } else if (e.kind() == Kind.EXTENSION_TABLE_DATA) {
                resolved.add(e.withSql(selectedRows(source, (Rows.Selected) e.rows())).withRows(null));
            } else {
                resolved.add(e);
            }
        }
        return resolved;
    }

    private static List<String> largeObject(Connection source, long oid) throws SQLException {
        List<String> sql = new ArrayList<>();
        try (PreparedStatement read = source.prepareStatement("SELECT pg_catalog.lo_get(?::pg_catalog.oid, ?, ?)")) {
            long offset = 0;
            while (true) {
                read.setLong(1, oid);
                read.setLong(2, offset);
                read.setInt(3, CHUNK_BYTES);
                byte[] chunk;
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    chunk = rs.getBytes(1);
                }
                if (chunk.length > 0) {
                    sql.add("SELECT pg_catalog.lo_put('" + oid + "'::pg_catalog.oid, " + offset + ", '\\x"
                            + HexFormat.of().formatHex(chunk) + "'::pg_catalog.bytea)");
                    offset += chunk.length;
                }
                if (chunk.length < CHUNK_BYTES) {
                    return sql;
                }
            }
        }
    }

    /** The rows the extension selects, read now, as one INSERT of their JSON. No rows, no statement. */
    private static List<String> selectedRows(Connection source, Rows.Selected rows) throws SQLException {
        String table = Sql.qualified(rows.schema(), rows.table());
        String columns = CopyStatements.columnList(rows);
        String select = "SELECT " + columns + " FROM ONLY " + table
                + (rows.condition().isBlank() ? "" : " " + rows.condition());
        String json;
        try (var st = source.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.json_agg(r) FROM (" + select + ") r")) {
            rs.next();
            json = rs.getString(1);
        }
        if (json == null) {
            return List.of();
        }
        return List.of("INSERT INTO " + table + " (" + columns + ") SELECT " + columns
                + " FROM pg_catalog.json_populate_recordset(NULL::" + table + ", " + Sql.literal(json) + ")");
    }
}
