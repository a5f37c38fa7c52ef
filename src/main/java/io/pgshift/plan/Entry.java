package io.pgshift.plan;

import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.pgshift.object.Kind;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Rows;
import io.pgshift.object.Section;

/**
 * One object of the migration plan with the statements that create it: pgshift's table-of-contents entry.
 * Statements are data here; whether they are executed, printed or archived is decided elsewhere.
 *
 * @param kind      what the object is, in the words of the SQL that creates it: TABLE, INDEX, ...
 * @param name      a display name, schema-qualified
 * @param table     the table this entry belongs to (its index, constraint or data), or null
 * @param dependsOn objects that must exist before this entry's statements run
 * @param drop      the statement that drops the object, written with IF EXISTS (restore --clean), or null
 *                  when the object goes with another one (a table's rows) or cannot be dropped on its own
 * @param split     how to create the object in two steps if it stands in a dependency loop, or null; the
 *                  planner decides, and the entries of a plan have none
 * @param rows      which rows a DATA entry moves when not all of its table's, or null; a dump writes such rows out
 *                  as statements, so its entries have none
 */
public record Entry(ObjectRef ref, Kind kind, String name, Section section, List<String> sql,
                    Set<ObjectRef> dependsOn, ObjectRef table, String drop, Split split,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Rows rows) {

    public Entry(ObjectRef ref, Kind kind, String name, Section section, List<String> sql,
                 Set<ObjectRef> dependsOn, ObjectRef table, String drop, Split split) {
        this(ref, kind, name, section, sql, dependsOn, table, drop, split, null);
    }

    public Entry(ObjectRef ref, Kind kind, String name, Section section, List<String> sql,
                 Set<ObjectRef> dependsOn, ObjectRef table, String drop) {
        this(ref, kind, name, section, sql, dependsOn, table, drop, null);
    }

    /** An entry that is not dropped by itself. */
    public Entry(ObjectRef ref, Kind kind, String name, Section section, List<String> sql,
                 Set<ObjectRef> dependsOn, ObjectRef table) {
        this(ref, kind, name, section, sql, dependsOn, table, null);
    }

    public Entry withSection(Section newSection) {
        return new Entry(ref, kind, name, newSection, sql, dependsOn, table, drop, split, rows);
    }

    public Entry withDependsOn(Set<ObjectRef> newDependsOn) {
        return new Entry(ref, kind, name, section, sql, newDependsOn, table, drop, split, rows);
    }

    public Entry withSql(List<String> newSql) {
        return new Entry(ref, kind, name, section, newSql, dependsOn, table, drop, split, rows);
    }

    public Entry withDrop(String newDrop) {
        return new Entry(ref, kind, name, section, sql, dependsOn, table, newDrop, split, rows);
    }

    public Entry withSplit(Split newSplit) {
        return new Entry(ref, kind, name, section, sql, dependsOn, table, drop, newSplit, rows);
    }

    public Entry withRows(Rows newRows) {
        return new Entry(ref, kind, name, section, sql, dependsOn, table, drop, split, newRows);
    }

    /** The object without the parts its split leaves for later; the parts are the split's {@code later}. */
    public Entry splitFirst() {
        return new Entry(ref, kind, name, section, split.sql(), split.dependsOn(), table, drop, null, rows);
    }

    @Override
    public String toString() {
        return kind + " " + name;
    }
}
