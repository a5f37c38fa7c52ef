package io.pgshift.run;

import java.time.Duration;

/** What happened to one table: its rows and bytes, and how long its copy took. */
public record TableResult(String table, long rows, long bytes, Duration copyTime) {
}
