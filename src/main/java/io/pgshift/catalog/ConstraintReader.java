package io.pgshift.catalog;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.sql.Sql;

import static io.pgshift.catalog.Queries.charOf;
import static io.pgshift.catalog.Queries.list;
import static io.pgshift.catalog.Queries.notExtensionMember;
import static io.pgshift.catalog.Queries.userSchema;

/**
 * Reads table constraints and the indexes that are not behind one. NOT NULL constraints (contype 'n' in
 * 18) are read with their columns instead. Partitions of a partitioned index, and constraints cloned from
 * a partitioned table's, carry the parent's oid so the writer can attach or skip them as pg_dump does.
 */
final class ConstraintReader {
    private final Connection connection;
    private final ServerVersion version;

    ConstraintReader(Connection connection, ServerVersion version) {
        this.connection = connection;
        this.version = version;
    }

    List<Constraint> constraints() throws SQLException {
        String parent = version.atLeast(11) ? "co.conparentid" : "0";
        return list(connection, """
                SELECT co.oid, co.conrelid, n.nspname, c.relname, co.conname, co.contype,
                       pg_catalog.pg_get_constraintdef(co.oid) AS definition, co.convalidated, co.conislocal,
                       co.confrelid, co.conindid, (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = co.oid AND cmt.classoid = 'pg_catalog.pg_constraint'::pg_catalog.regclass AND cmt.objsubid = 0) AS comment,
                       %s AS parent_constraint, co.condeferrable, %s AS index_options, %s,
                       CASE WHEN co.contype IN ('p', 'u') THEN pg_catalog.pg_get_indexdef(co.conindid) END AS index_definition
                FROM pg_catalog.pg_constraint co
                JOIN pg_catalog.pg_class c ON c.oid = co.conrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                LEFT JOIN pg_catalog.pg_index i ON i.indexrelid = co.conindid AND co.contype IN ('p', 'u', 'x')
                LEFT JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                WHERE c.relkind IN ('r', 'p') AND co.contype IN ('p', 'u', 'c', 'f', 'x') AND %s AND %s
                ORDER BY n.nspname, c.relname, co.conname""".formatted(parent, Queries.options("ic.reloptions"),
                        indexColumns(false),
                        userSchema("n.nspname"), notExtensionMember("pg_class", "c.oid")),
                rs -> {
                    char type = charOf(rs, "contype");
                    IndexDetails index = rs.getObject("index_oid") == null ? null : details(rs);
                    String definition = rs.getString(7);
                    if ((type == 'p' || type == 'u') && index != null) {
                        definition = withIndexParameters(definition, rs.getBoolean("condeferrable"),
                                Queries.emptyToNull(rs.getString("index_options")), index.tablespace());
                    }
                    return new Constraint(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), type, definition, rs.getBoolean(8), rs.getBoolean(9), rs.getLong(10),
                            rs.getLong(11), rs.getString(12), rs.getLong("parent_constraint"), index,
                            rs.getString("index_definition"));
                });
    }

    /**
     * pg_get_constraintdef leaves a key's index parameters and tablespace out (it prints them only for
     * ALTER TABLE's internal use); they go after the columns and before DEFERRABLE.
     */
    static String withIndexParameters(String definition, boolean deferrable, String options, String tablespace) {
        String head = definition;
        String tail = "";
        int deferrableAt = definition.lastIndexOf(" DEFERRABLE");
        if (deferrable && deferrableAt >= 0) {
            head = definition.substring(0, deferrableAt);
            tail = definition.substring(deferrableAt);
        }
        return head + (options != null ? " WITH (" + options + ")" : "")
                + (tablespace != null ? " USING INDEX TABLESPACE " + Sql.ident(tablespace) : "") + tail;
    }

    List<Index> indexes() throws SQLException {
        return list(connection, """
                SELECT i.indexrelid, i.indrelid, n.nspname, ic.relname,
                       pg_catalog.pg_get_indexdef(i.indexrelid) AS definition, %s
                FROM pg_catalog.pg_index i
                JOIN pg_catalog.pg_class ic ON ic.oid = i.indexrelid
                JOIN pg_catalog.pg_class c ON c.oid = i.indrelid
                JOIN pg_catalog.pg_namespace n ON n.oid = ic.relnamespace
                WHERE c.relkind IN ('r', 'p', 'm') AND (i.indisvalid OR c.relkind = 'p') AND i.indisready AND %s AND %s
                  AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_constraint co
                                  WHERE co.conindid = i.indexrelid AND co.contype IN ('p', 'u', 'x'))
                ORDER BY n.nspname, ic.relname""".formatted(indexColumns(true), userSchema("n.nspname"),
                        notExtensionMember("pg_class", "c.oid")),
                rs -> new Index(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        details(rs)));
    }

    /**
     * Columns about index {@code i} (class row {@code ic}). ALTER INDEX ... ALTER COLUMN ... SET STATISTICS
     * and partitioned indexes came in 11; a constraint's index has no statistics targets of its own.
     */
    private String indexColumns(boolean withStatistics) {
        boolean v11 = version.atLeast(11);
        String parent = v11
                ? "(SELECT inh.inhparent FROM pg_catalog.pg_inherits inh WHERE inh.inhrelid = i.indexrelid)" : "0";
        String statistics = v11 && withStatistics
                ? "ARRAY(SELECT a.attnum || ' ' || a.attstattarget FROM pg_catalog.pg_attribute a "
                  + "WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0 ORDER BY a.attnum)"
                : "ARRAY[]::text[]";
        return """
                i.indexrelid AS index_oid, COALESCE(%s, 0) AS parent_index, i.indisclustered, i.indisreplident,
                (SELECT s.spcname FROM pg_catalog.pg_tablespace s WHERE s.oid = ic.reltablespace) AS index_tablespace,
                %s AS index_statistics,
                (SELECT cmt.description FROM pg_catalog.pg_description cmt WHERE cmt.objoid = i.indexrelid AND cmt.classoid = 'pg_catalog.pg_class'::pg_catalog.regclass AND cmt.objsubid = 0) AS index_comment""".formatted(parent,
                statistics);
    }

    private static IndexDetails details(ResultSet rs) throws SQLException {
        List<String> statistics = new ArrayList<>();
        for (Object s : (Object[]) rs.getArray("index_statistics").getArray()) {
            statistics.add((String) s);
        }
        return new IndexDetails(rs.getLong("parent_index"), rs.getBoolean("indisclustered"),
                rs.getBoolean("indisreplident"), rs.getString("index_tablespace"), statistics,
                rs.getString("index_comment"));
    }
}
