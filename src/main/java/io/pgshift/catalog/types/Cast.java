package io.pgshift.catalog.types;

import io.pgshift.catalog.Definition;
import io.pgshift.catalog.QualifiedName;

/**
 * A user-defined cast.
 *
 * @param source    the source type, as format_type prints it
 * @param target    the target type, likewise
 * @param method    pg_cast.castmethod: f through a function, i through the types' text forms, b binary coercible
 * @param function  the function of a cast through one, else null
 * @param arguments the function's argument types, as oidvectortypes prints them
 * @param context   pg_cast.castcontext: e explicit only, a in assignments, i implicit
 */
public record Cast(String source, String target, char method, QualifiedName function, String arguments,
                   char context) implements Definition {
}
