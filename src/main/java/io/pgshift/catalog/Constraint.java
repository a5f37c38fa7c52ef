package io.pgshift.catalog;

import io.pgshift.object.ObjectRef;

/**
 * A table constraint.
 *
 * @param type       pg_constraint.contype: p, u, c, f, x
 * @param definition as {@code pg_get_constraintdef} prints it
 * @param validated  false for NOT VALID constraints, which must be added after the data
 * @param local      {@code conislocal}: declared on this table, not only inherited
 * @param indexOid   the index that enforces a primary key, unique or exclusion constraint; for a foreign
 *                   key, the referenced table's unique index; else 0
 * @param parentOid  {@code conparentid} (11+): the partitioned table's constraint this one was cloned from
 * @param index      the enforcing index's details for p, u and x; null for c and f
 */
public record Constraint(long oid, long tableOid, String schema, String table, String name, char type,
                         String definition, boolean validated, boolean local, long referencedTableOid, long indexOid,
                         String comment, long parentOid, IndexDetails index, String indexDefinition) {

    /** A constraint whose index, if it has one, is not described by its own CREATE INDEX statement. */
    public Constraint(long oid, long tableOid, String schema, String table, String name, char type,
                      String definition, boolean validated, boolean local, long referencedTableOid, long indexOid,
                      String comment, long parentOid, IndexDetails index) {
        this(oid, tableOid, schema, table, name, type, definition, validated, local, referencedTableOid, indexOid,
                comment, parentOid, index, null);
    }

    public ObjectRef ref() {
        return ObjectRef.constraint(oid);
    }

    public boolean isForeignKey() {
        return type == 'f';
    }

    public boolean isCheck() {
        return type == 'c';
    }

    /** Primary key, unique and exclusion constraints create an index. */
    public boolean hasIndex() {
        return type == 'p' || type == 'u' || type == 'x';
    }
}
