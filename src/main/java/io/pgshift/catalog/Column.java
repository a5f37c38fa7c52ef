package io.pgshift.catalog;

import io.pgshift.object.ObjectRef;

/**
 * One table column.
 *
 * @param type         the type as {@code format_type} prints it, schema-qualified where needed
 * @param notNull      {@code attnotnull}; {@link #notNullConstraint} says where the constraint comes from
 * @param identity     {@code 'a'} (ALWAYS), {@code 'd'} (BY DEFAULT) or {@code 0} for none
 * @param generated    {@code 's'} stored or {@code 'v'} virtual generated column, {@code 0} otherwise
 * @param typeCategory {@code pg_type.typcategory} of the column's type, which decides how rows are hashed
 * @param local        {@code attislocal}: declared by the table itself, not only inherited from a parent
 * @param notNullConstraint the NOT NULL constraint, or null when the column is nullable
 * @param settings     per-column settings that only ALTER TABLE can give
 * @param defaultOid   the oid of the default's or generation expression's pg_attrdef row, or 0
 */
public record Column(int number, String name, String type, boolean notNull, String defaultExpr,
                     char identity, char generated, String collation, char typeCategory, String comment,
                     String acl, boolean local, NotNull notNullConstraint, ColumnSettings settings, long defaultOid) {

    /** A column whose default, if any, is not known by its pg_attrdef row. */
    public Column(int number, String name, String type, boolean notNull, String defaultExpr, char identity,
                  char generated, String collation, char typeCategory, String comment, String acl, boolean local,
                  NotNull notNullConstraint, ColumnSettings settings) {
        this(number, name, type, notNull, defaultExpr, identity, generated, collation, typeCategory, comment, acl,
                local, notNullConstraint, settings, 0);
    }

    /** The column's default as the part of its table that can be created apart from it. */
    public ObjectRef defaultRef() {
        return ObjectRef.of("pg_attrdef", defaultOid);
    }

    /**
     * A column's NOT NULL constraint. Before PostgreSQL 18 it has no name and no row of its own; then it
     * counts as local when no parent has the column NOT NULL, which is how pg_dump decides to print it.
     *
     * @param oid       the constraint's oid (18+), else 0
     * @param name      the constraint's name when it differs from the default {@code table_column_not_null},
     *                  shortened as the server shortens it (18+), else null
     * @param local     declared by this table, not only inherited
     * @param noInherit NO INHERIT (18+)
     * @param valid     false for a NOT VALID constraint (18+), added after the data
     * @param comment   the constraint's comment (18+)
     */
    public record NotNull(long oid, String name, boolean local, boolean noInherit, boolean valid, String comment) {

        /** The constraint's name, the default one included. */
        public String nameOn(String table, String column) {
            return name != null ? name : defaultName(table, column);
        }

        /** The name the server gives a column's NOT NULL constraint when it is free. */
        public static String defaultName(String table, String column) {
            return ObjectNames.implicit(table, column, "not_null");
        }
    }

    /**
     * Settings written as ALTER TABLE ... ALTER COLUMN, each null when it has its default.
     *
     * @param storage     PLAIN, MAIN, EXTERNAL or EXTENDED when it differs from the type's default
     * @param compression pglz or lz4 when set explicitly (14+)
     * @param statistics  the statistics target when set
     * @param options     attribute options as {@code name='value', ...}, e.g. {@code n_distinct='-1'}
     */
    public record ColumnSettings(String storage, String compression, Integer statistics, String options) {
        public static final ColumnSettings DEFAULTS = new ColumnSettings(null, null, null, null);
    }

    public boolean isIdentity() {
        return identity != 0;
    }

    public boolean isGenerated() {
        return generated != 0;
    }
}
