package io.pgshift.data;

import java.util.stream.Collectors;

import io.pgshift.catalog.Table;
import io.pgshift.ddl.Sql;

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
     * table, in the column order {@link #target} gives the target's COPY. ONLY, because an inheritance
     * parent's COPY holds its own rows and each child is copied on its own.
     */
    public static String outRange(Table table, String condition, String format) {
        String columns = table.copyColumns().stream().map(c -> Sql.ident(c.name())).collect(Collectors.joining(", "));
        return "COPY (SELECT " + columns + " FROM ONLY " + Sql.qualified(table.schema(), table.name()) + " WHERE "
                + condition + ") TO STDOUT" + options(format, false);
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
