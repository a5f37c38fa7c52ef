package io.pgshift.catalog;

import io.pgshift.object.ObjectRef;

public record Schema(long oid, String name, String owner, String comment, String acl) {
    public ObjectRef ref() {
        return ObjectRef.namespace(oid);
    }
}
