package io.pgshift.catalog;

/**
 * A table constraint.
 *
 * @param type       pg_constraint.contype: p, u, c, f, x
 * @param definition as {@code pg_get_constraintdef} prints it
 * @param validated  false for NOT VALID constraints, which must be added after the data
 * @param indexOid   the index that enforces a primary key, unique or exclusion constraint, else 0
 */
public record Constraint(long oid, long tableOid, String schema, String table, String name, char type,
                         String definition, boolean validated, boolean local, long referencedTableOid, long indexOid,
                         String comment) {

    public ObjectRef ref() {
        return ObjectRef.constraint(oid);
    }

    public boolean isForeignKey() {
        return type == 'f';
    }

    public boolean isCheck() {
        return type == 'c';
    }
}
