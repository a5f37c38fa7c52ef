package io.pgshift.catalog;

import java.util.List;

/**
 * How a table is built beyond its columns: its place in an inheritance or partition tree and the settings
 * CREATE TABLE and ALTER TABLE give it.
 *
 * @param kind            {@code pg_class.relkind}: {@code 'r'} a table with rows, {@code 'p'} a partitioned table
 * @param parents         oids of the tables it inherits from, in {@code inhseqno} order; a partition's only
 *                        parent is its partitioned table
 * @param partitionKey    {@code pg_get_partkeydef} of a partitioned table, e.g. {@code RANGE (day)}; else null
 * @param partitionBound  {@code pg_get_expr(relpartbound)} of a partition, e.g. {@code FOR VALUES IN (1)} or
 *                        {@code DEFAULT}; null when the table is not a partition
 * @param ofType          the composite type of a typed table ({@code CREATE TABLE ... OF type}), else null
 * @param options         storage parameters as {@code name='value', ...}, or null
 * @param toastOptions    the TOAST table's storage parameters, same form, each prefixed {@code toast.}
 * @param replicaIdentity {@code pg_class.relreplident}: d (default), f (full), n (nothing), i (index)
 * @param accessMethod    the table access method (12+), null for heap or when the server has none
 * @param tablespace      the table's tablespace, null for the database's default
 * @param hasOids         created WITH OIDS (before PostgreSQL 12)
 * @param loadThrough     for a partition whose rows must be routed again on the target, the quoted name of
 *                        the root of its partition tree; else null. Hash partitioning on an enum column
 *                        hashes the values' oids, which differ on the target, so a row may belong to another
 *                        partition there (pg_dump's load-via-partition-root)
 */
public record TableLayout(char kind, List<Long> parents, String partitionKey, String partitionBound,
                          String ofType, String options, String toastOptions, char replicaIdentity,
                          String accessMethod, String tablespace, boolean hasOids, String loadThrough) {

    /** An ordinary heap table with no parents and no special settings. */
    public static final TableLayout PLAIN = new TableLayout('r', List.of(), null, null, null, null, null, 'd',
            null, null, false, null);

    public TableLayout {
        parents = List.copyOf(parents);
    }

    public boolean isPartitioned() {
        return kind == 'p';
    }

    public boolean isPartition() {
        return partitionBound != null;
    }
}
