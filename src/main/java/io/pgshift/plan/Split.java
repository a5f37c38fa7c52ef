package io.pgshift.plan;

import java.util.List;
import java.util.Set;

import io.pgshift.object.ObjectRef;

/**
 * Another way to create an entry, in two steps, for when the entry stands in a dependency loop: first the
 * object without the parts that close the loop, then those parts, each on its own, once what they need exists.
 * pg_dump breaks its loops the same way. The kinds of split, and the loops each one breaks:
 * <ul>
 *   <li>a table without the CHECK constraints and column defaults that call functions or use types, which are
 *       added by ALTER TABLE (a function that takes the table's row type, used in its CHECK or default);</li>
 *   <li>a domain without such CHECK constraints, added by ALTER DOMAIN;</li>
 *   <li>a view created first with the right columns and no query, then replaced by its real query (a function
 *       that returns the view's row type, used in the view's query).</li>
 * </ul>
 *
 * @param sql       the statements that create the object without the parts
 * @param dependsOn what the object needs without the parts
 * @param later     the parts, as entries of their own that depend on the object
 */
public record Split(List<String> sql, Set<ObjectRef> dependsOn, List<Entry> later) {

    public Split {
        sql = List.copyOf(sql);
        dependsOn = Set.copyOf(dependsOn);
        later = List.copyOf(later);
    }
}
