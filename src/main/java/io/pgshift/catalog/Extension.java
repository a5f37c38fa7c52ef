package io.pgshift.catalog;

import io.pgshift.object.ObjectRef;

/** An installed extension: CREATE EXTENSION recreates it, and with it every object that belongs to it. */
public record Extension(long oid, String name, String schema, String version, String comment) {
    public ObjectRef ref() {
        return ObjectRef.of("pg_extension", oid);
    }
}
