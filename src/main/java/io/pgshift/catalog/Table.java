package io.pgshift.catalog;

import java.util.List;
import io.pgshift.object.ObjectRef;

/**
 * A table with its columns.
 *
 * @param persistence {@code 'p'} permanent, {@code 'u'} unlogged
 * @param bytes       on-disk size of the heap, used to schedule the largest tables first
 * @param acl         privileges as {@link SourceContext#aclJson} renders them, null for the defaults
 * @param layout      inheritance, partitioning and table settings
 */
public record Table(long oid, String schema, String name, String owner, char persistence,
                    List<Column> columns, long estimatedRows, long bytes, String comment, String acl,
                    TableLayout layout) {

    public ObjectRef ref() {
        return ObjectRef.relation(oid);
    }

    public String displayName() {
        return schema + "." + name;
    }

    /** A partitioned table holds no rows itself: only its leaf partitions are copied. */
    public boolean hasRows() {
        return !layout.isPartitioned();
    }

    /** Columns COPY can write: a stored generated column is computed by the target instead. */
    public List<Column> copyColumns() {
        return columns.stream().filter(c -> !c.isGenerated()).toList();
    }
}
