package io.pgshift.catalog.routines;

import io.pgshift.catalog.Definition;

/**
 * A transform of a type for a procedural language.
 *
 * @param type     the type, as format_type prints it
 * @param fromSql  the FROM SQL function with its argument types, as regprocedure prints it, or null
 * @param toSql    the TO SQL function, likewise, or null
 */
public record Transform(String type, String language, String fromSql, String toSql) implements Definition {
}
