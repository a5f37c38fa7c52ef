package io.pgshift.catalog;

/**
 * A user-defined access method.
 *
 * @param table   a table access method (12+), else an index one
 * @param handler the handler function's schema and name
 */
public record AccessMethod(String name, boolean table, QualifiedName handler) implements Definition {
}
