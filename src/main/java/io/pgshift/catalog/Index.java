package io.pgshift.catalog;

import io.pgshift.object.ObjectRef;

/**
 * An index that does not back a constraint; constraint indexes are created by their constraint.
 *
 * @param definition as {@code pg_get_indexdef} prints it: {@code CREATE INDEX ... ON ONLY} for a
 *                   partitioned table's index
 */
public record Index(long oid, long tableOid, String schema, String name, String definition,
                    IndexDetails details) {

    public ObjectRef ref() {
        return ObjectRef.relation(oid);
    }

    public boolean clustered() {
        return details.clustered();
    }

    public String comment() {
        return details.comment();
    }
}
