package io.pgshift.catalog;

/**
 * One table column.
 *
 * @param type        the type as {@code format_type} prints it, schema-qualified where needed
 * @param identity    {@code 'a'} (ALWAYS), {@code 'd'} (BY DEFAULT) or {@code 0} for none
 * @param generated   {@code 's'} for a stored generated column, {@code 0} otherwise
 * @param typeCategory {@code pg_type.typcategory} of the column's type, which decides how rows are hashed
 */
public record Column(int number, String name, String type, boolean notNull, String defaultExpr,
                     char identity, char generated, String collation, char typeCategory, String comment,
                     String acl) {

    public boolean isIdentity() {
        return identity != 0;
    }

    public boolean isGenerated() {
        return generated != 0;
    }
}
