package io.pgshift.catalog;

/** An index that does not back a constraint; constraint indexes are created by their constraint. */
public record Index(long oid, long tableOid, String schema, String name, String definition,
                    boolean clustered, String comment) {

    public ObjectRef ref() {
        return ObjectRef.relation(oid);
    }
}
