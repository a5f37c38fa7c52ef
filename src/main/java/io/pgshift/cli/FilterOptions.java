package io.pgshift.cli;

import java.util.List;

import io.pgshift.catalog.CatalogFilter;
import io.pgshift.catalog.NamePattern;
import picocli.CommandLine.Option;

/** pg_dump's object selection options, shared by the commands that read a source. */
final class FilterOptions {
    @Option(names = {"-n", "--schema"}, paramLabel = "PATTERN",
            description = "Only schemas matching the pattern, with their contents (may be repeated).")
    List<String> schemas = List.of();

    @Option(names = {"-N", "--exclude-schema"}, paramLabel = "PATTERN", description = "Leave out matching schemas.")
    List<String> excludeSchemas = List.of();

    @Option(names = {"-t", "--table"}, paramLabel = "PATTERN",
            description = "Only matching tables, views and sequences, with their indexes, constraints and triggers.")
    List<String> tables = List.of();

    @Option(names = {"-T", "--exclude-table"}, paramLabel = "PATTERN", description = "Leave out matching tables.")
    List<String> excludeTables = List.of();

    @Option(names = "--exclude-table-data", paramLabel = "PATTERN",
            description = "Create matching tables but copy none of their rows.")
    List<String> excludeTableData = List.of();

    CatalogFilter toFilter() {
        return new CatalogFilter(schemas.stream().map(NamePattern::schema).toList(),
                excludeSchemas.stream().map(NamePattern::schema).toList(),
                tables.stream().map(NamePattern::qualified).toList(),
                excludeTables.stream().map(NamePattern::qualified).toList(),
                excludeTableData.stream().map(NamePattern::qualified).toList());
    }
}
