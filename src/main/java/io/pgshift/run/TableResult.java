package io.pgshift.run;

import java.time.Duration;

/**
 * What happened to one table: its rows and bytes, and how long its copy took.
 *
 * @param copyTime wall time; for a table copied in parts, from the first part's start to the last one's end
 * @param parts    how many ranges the table was copied in at once; 1 when it was copied whole
 */
public record TableResult(String table, long rows, long bytes, Duration copyTime, int parts) {
}
