package io.pgshift.catalog;

import java.util.List;

/** Everything pgshift read from one source database, all within one snapshot. */
public record Catalog(ServerVersion version, DatabaseInfo database, List<Schema> schemas, List<Table> tables,
                      List<SequenceDef> sequences, List<View> views, List<Constraint> constraints,
                      List<Index> indexes, List<ObjectDef> objects, List<Dependency> dependencies) {

    public long totalTableBytes() {
        return tables.stream().mapToLong(Table::bytes).sum();
    }
}
