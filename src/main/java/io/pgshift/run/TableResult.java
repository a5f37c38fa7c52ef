package io.pgshift.run;

import java.time.Duration;

/**
 * What happened to one table: its rows and bytes, and how long its copy and its indexes took.
 *
 * @param copyTime  wall time; for a table copied in parts, from the first part's start to the last one's end
 * @param parts     how many ranges the table was copied in at once; 1 when it was copied whole
 * @param indexTime the time its indexes, keys and constraints took to build, added up over the sessions that
 *                  built them
 */
public record TableResult(String table, long rows, long bytes, Duration copyTime, int parts, Duration indexTime) {
    public TableResult withIndexTime(Duration took) {
        return new TableResult(table, rows, bytes, copyTime, parts, took);
    }
}
