package io.pgshift.verify;

import java.util.List;

/**
 * One database compared on both servers.
 *
 * @param database     the database's name on the source
 * @param schema       objects missing, extra or defined differently (owners, comments and privileges included)
 * @param tables       every table both servers hold, by row count and row hash
 * @param sequences    every sequence both servers hold, by position
 * @param largeObjects the large objects, by presence, owner, privileges and contents
 */
public record DatabaseVerification(String database, List<SchemaDifference> schema, List<TableCheck> tables,
                                   List<SequenceCheck> sequences, LargeObjectCheck largeObjects) {

    public boolean passed() {
        return schema.isEmpty() && differentTables().isEmpty() && differentSequences().isEmpty()
                && largeObjects.matches();
    }

    public List<TableCheck> differentTables() {
        return tables.stream().filter(t -> !t.matches()).toList();
    }

    public List<SequenceCheck> differentSequences() {
        return sequences.stream().filter(s -> !s.matches()).toList();
    }

    /** Every difference found in this database, each counted once. */
    public int differenceCount() {
        return schema.size() + differentTables().size() + differentSequences().size()
                + largeObjects.differences().size();
    }

    public long rows() {
        return tables.stream().mapToLong(t -> t.source().rows()).sum();
    }
}
