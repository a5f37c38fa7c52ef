package io.pgshift.catalog;

import io.pgshift.object.ObjectRef;

/**
 * A sequence with every option and its position in the source snapshot.
 *
 * @param dataType     smallint, integer or bigint; null before PostgreSQL 10, where every sequence is bigint
 * @param ownedBy      the column that owns the sequence (serial columns), or null
 * @param identityOf   the identity column this sequence belongs to, or null for a standalone sequence
 * @param unlogged     an UNLOGGED sequence (15+), as a serial column of an unlogged table gets
 */
public record SequenceDef(long oid, String schema, String name, String owner, String dataType,
                          long start, long increment, long min, long max, long cache, boolean cycle,
                          long lastValue, boolean isCalled, ColumnRef ownedBy, ColumnRef identityOf,
                          String comment, String acl, boolean unlogged) {

    public record ColumnRef(long tableOid, String schema, String table, String column) {
    }

    public ObjectRef ref() {
        return ObjectRef.relation(oid);
    }

    public String displayName() {
        return schema + "." + name;
    }
}
