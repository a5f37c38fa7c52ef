package io.pgshift.catalog;

public record Schema(long oid, String name, String owner, String comment) {
    public ObjectRef ref() {
        return new ObjectRef(ObjectRef.Kind.NAMESPACE, oid);
    }
}
