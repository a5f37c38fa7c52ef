package io.pgshift.catalog;

import java.util.List;

/**
 * What an index has beyond its definition, whether it stands alone or enforces a constraint.
 *
 * @param parentIndexOid  the partitioned index this index is attached to (11+), else 0
 * @param clustered       the table was CLUSTERed on it
 * @param replicaIdentity the table's REPLICA IDENTITY USING INDEX
 * @param tablespace      the index's tablespace, null for the database's default
 * @param statistics      statistics targets of expression columns, as {@code "column-number target"}
 * @param comment         the comment on the index itself (a constraint's own comment is separate)
 */
public record IndexDetails(long parentIndexOid, boolean clustered, boolean replicaIdentity, String tablespace,
                           List<String> statistics, String comment) {

    public IndexDetails {
        statistics = List.copyOf(statistics);
    }
}
