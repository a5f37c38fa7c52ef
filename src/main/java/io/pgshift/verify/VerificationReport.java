package io.pgshift.verify;

import java.util.List;

/** What {@code pgshift verify} found: objects defined differently, and every table's rows compared. */
public record VerificationReport(List<SchemaDifference> schema, List<TableCheck> tables) {

    public boolean passed() {
        return schema.isEmpty() && tables.stream().allMatch(TableCheck::matches);
    }

    public List<TableCheck> differentTables() {
        return tables.stream().filter(t -> !t.matches()).toList();
    }
}
