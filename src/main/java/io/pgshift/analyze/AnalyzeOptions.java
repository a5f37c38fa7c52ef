package io.pgshift.analyze;

import java.util.List;

import io.pgshift.connect.ConnInfo;

/**
 * What {@code pgshift analyze} was asked to do.
 *
 * @param target    the server; the database it names, if any, is the one analyzed unless {@code databases} says
 * @param jobs      sessions that analyze at the same time, across tables and databases
 * @param inStages  statistics targets 1, then 10, then the default, each over every table before the next
 * @param databases the databases to analyze; empty for the one the connection names, else every database
 */
public record AnalyzeOptions(ConnInfo target, int jobs, boolean inStages, List<String> databases) {

    public AnalyzeOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        databases = List.copyOf(databases);
    }
}
