package io.pgshift.catalog;

/**
 * A rule of a table or view, other than a view's own.
 *
 * @param definition the CREATE RULE statement, as pg_get_ruledef writes it
 * @param enabled    pg_rewrite.ev_enabled: O on (the default), D disabled, R replica, A always
 */
public record Rule(QualifiedName table, String name, String definition, char enabled) implements Definition {
}
