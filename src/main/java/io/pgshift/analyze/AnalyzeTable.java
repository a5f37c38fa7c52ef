package io.pgshift.analyze;

import io.pgshift.sql.Sql;

/**
 * One table to ANALYZE.
 *
 * @param bytes its heap size (for a partitioned table, its partitions'), so the largest start first
 */
public record AnalyzeTable(String database, String schema, String name, long bytes) {

    String statement() {
        return "ANALYZE " + Sql.qualified(schema, name);
    }

    String displayName(boolean withDatabase) {
        return (withDatabase ? database + "." : "") + schema + "." + name;
    }
}
