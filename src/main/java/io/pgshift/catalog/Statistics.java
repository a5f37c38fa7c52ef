package io.pgshift.catalog;

import java.util.List;

/**
 * An extended statistics object (10+).
 *
 * @param definition   the CREATE STATISTICS statement, as pg_get_statisticsobjdef writes it
 * @param quotedName   the name as the server quotes it in that statement
 * @param kinds        pg_statistic_ext.stxkind: d ndistinct, f dependencies, m mcv, e expressions
 * @param before12     read from a server before 12, whose definition leaves out the kinds when the object has both
 *                     of the kinds it knew, which on a newer server would mean mcv too
 * @param target       its own statistics target, or -1 for its columns'
 */
public record Statistics(QualifiedName name, String definition, String quotedName, List<String> kinds, boolean before12, int target)
        implements Definition {
    public Statistics {
        kinds = List.copyOf(kinds);
    }
}
