package io.pgshift.catalog;

/**
 * A column of a view: views have no column definitions of their own, but a column can carry a default
 * (used by INSERT through an updatable view), a comment and privileges.
 *
 * @param defaultExpr the default, as {@code pg_get_expr} prints it, or null
 * @param acl         column privileges as {@link SourceContext#aclJson} renders them, or null
 * @param type        the column's type, as {@code format_type} prints it
 * @param collation   the column's collation when not its type's, qualified, or null
 */
public record ViewColumn(String name, String defaultExpr, String comment, String acl, String type,
                         String collation) {
}
