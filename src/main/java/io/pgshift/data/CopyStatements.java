package io.pgshift.data;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import io.pgshift.catalog.Table;
import io.pgshift.object.Rows;
import io.pgshift.sql.Sql;

/** The COPY target of a table: its name and the columns COPY reads or writes. */
public final class CopyStatements {
    private CopyStatements() {
    }

    /** {@code schema.table (col, ...)}, leaving out generated columns, which the target computes itself. */
    public static String target(Table table) {
        return retarget(Sql.qualified(table.schema(), table.name()), table);
    }

    /**
     * The table's columns on another relation: the root of its partition tree, when rows must be routed
     * again. A table without columns still has rows, and COPY takes no empty column list.
     */
    public static String retarget(String relation, Table table) {
        String columns = table.copyColumns().stream().map(c -> Sql.ident(c.name())).collect(Collectors.joining(", "));
        return columns.isEmpty() ? relation : relation + " (" + columns + ")";
    }

    /**
     * {@code COPY (SELECT cols FROM ONLY schema.table WHERE condition) TO STDOUT}: the rows of one range of the
     * table, in the column order {@link #target} gives the target's COPY, xml columns read as text as
     * {@link #source} reads them. ONLY, because an inheritance parent's COPY holds its own rows and each child
     * is copied on its own.
     */
    public static String outRange(Connection source, Table table, String condition, String format)
            throws SQLException {
        return "COPY (SELECT " + selectList(source, table) + " FROM ONLY " + Sql.qualified(table.schema(), table.name())
                + " WHERE " + condition + ") TO STDOUT" + options(format, false);
    }

    /**
     * Columns of type xml, or of a domain over xml, by number. Both COPY formats print an xml value through
     * xml_out or xml_send, which drop an XML declaration such as {@code <?xml version="1.0"?>}: the value
     * would arrive changed. Its cast to text keeps the stored text exactly, and xml_in stores it as given.
     */
    private static final String XML_COLUMNS = """
            WITH RECURSIVE base(oid, root) AS (
                SELECT t.oid, t.oid FROM pg_catalog.pg_type t
                WHERE t.oid IN (SELECT a.atttypid FROM pg_catalog.pg_attribute a WHERE a.attrelid = ?)
                UNION ALL
                SELECT t.typbasetype, b.root FROM base b JOIN pg_catalog.pg_type t ON t.oid = b.oid
                WHERE t.typtype = 'd')
            SELECT a.attnum FROM pg_catalog.pg_attribute a
            WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
              AND a.atttypid IN (SELECT b.root FROM base b WHERE b.oid = 'pg_catalog.xml'::pg_catalog.regtype)""";

    /**
     * What a source COPY reads for the table: the table itself, or, where it has xml columns, a query over
     * its own rows that casts those columns to text (see {@link #XML_COLUMNS}).
     */
    public static String source(Connection source, Table table) throws SQLException {
        String columns = selectList(source, table);
        if (columns.equals(plainColumns(table)) || table.copyColumns().isEmpty()) {
            return target(table);
        }
        return "(SELECT " + columns + " FROM ONLY " + Sql.qualified(table.schema(), table.name()) + ")";
    }

    /** The table's copied columns, each xml one (or domain over xml) cast to text. */
    private static String selectList(Connection source, Table table) throws SQLException {
        Set<Integer> xml = new HashSet<>();
        try (PreparedStatement ps = source.prepareStatement(XML_COLUMNS)) {
            ps.setLong(1, table.oid());
            ps.setLong(2, table.oid());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    xml.add(rs.getInt(1));
                }
            }
        }
        return table.copyColumns().stream()
                .map(c -> xml.contains(c.number()) ? Sql.ident(c.name()) + "::pg_catalog.text" : Sql.ident(c.name()))
                .collect(Collectors.joining(", "));
    }

    private static String plainColumns(Table table) {
        return table.copyColumns().stream().map(c -> Sql.ident(c.name())).collect(Collectors.joining(", "));
    }

    /** {@code COPY (SELECT cols FROM ONLY table [WHERE ...]) TO STDOUT}: the rows an extension marks for dumping. */
    public static String out(Rows.Selected rows) {
        return "COPY (SELECT " + columnList(rows) + " FROM ONLY " + Sql.qualified(rows.schema(), rows.table())
                + (rows.condition().isBlank() ? "" : " " + rows.condition()) + ") TO STDOUT";
    }

    /** The COPY that adds {@link #out(Rows.Selected)}'s rows to the table, beside the ones it holds. */
    public static String in(Rows.Selected rows) {
        return "COPY " + Sql.qualified(rows.schema(), rows.table()) + " (" + columnList(rows) + ") FROM STDIN";
    }

    public static String columnList(Rows.Selected rows) {
        return rows.columns().stream().map(Sql::ident).collect(Collectors.joining(", "));
    }

    public static String out(String target, String format) {
        return "COPY " + target + " TO STDOUT" + options(format, false);
    }

    public static String in(String target, String format, boolean freeze) {
        return "COPY " + target + " FROM STDIN" + options(format, freeze);
    }

    private static String options(String format, boolean freeze) {
        boolean binary = "binary".equals(format);
        if (!binary && !freeze) {
            return "";
        }
        return " WITH (" + (binary ? "FORMAT binary" : "") + (binary && freeze ? ", " : "") + (freeze ? "FREEZE" : "")
                + ")";
    }
}
