package io.pgshift.cli;

import java.util.List;

import io.pgshift.catalog.CatalogFilter;
import io.pgshift.catalog.NamePattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * pg_dump's object selection options, shared by the commands that read a source. Each pattern is checked as it is
 * parsed, so that a malformed one is a usage error on every command alike.
 */
final class FilterOptions {
    @Option(names = {"-n", "--schema"}, paramLabel = "PATTERN", converter = SchemaPattern.class,
            description = "Only schemas matching the pattern, with their contents (may be repeated).")
    List<NamePattern> schemas = List.of();

    @Option(names = {"-N", "--exclude-schema"}, paramLabel = "PATTERN", converter = SchemaPattern.class,
            description = "Leave out matching schemas.")
    List<NamePattern> excludeSchemas = List.of();

    @Option(names = {"-t", "--table"}, paramLabel = "PATTERN", converter = TablePattern.class,
            description = "Only matching tables, views and sequences, with their indexes, constraints and triggers.")
    List<NamePattern> tables = List.of();

    @Option(names = {"-T", "--exclude-table"}, paramLabel = "PATTERN", converter = TablePattern.class,
            description = "Leave out matching tables.")
    List<NamePattern> excludeTables = List.of();

    @Option(names = "--exclude-table-data", paramLabel = "PATTERN", converter = TablePattern.class,
            description = "Create matching tables but copy none of their rows.")
    List<NamePattern> excludeTableData = List.of();

    @Option(names = "--strict-names",
            description = "Each -n and -t pattern must match something, as pg_dump --strict-names requires. pgshift "
                    + "always requires it: a pattern that matches nothing stops the run (exit 2) before anything is "
                    + "written.")
    boolean strictNames;

    CatalogFilter toFilter() {
        return new CatalogFilter(schemas, excludeSchemas, tables, excludeTables, excludeTableData);
    }

    /** A schema pattern: one name, or database.schema as pg_dump allows. */
    static final class SchemaPattern implements ITypeConverter<NamePattern> {
        @Override
        public NamePattern convert(String value) {
            return NamePattern.schema(checked(value, 2));
        }
    }

    /** A table pattern: table, schema.table, or database.schema.table as pg_dump allows. */
    static final class TablePattern implements ITypeConverter<NamePattern> {
        @Override
        public NamePattern convert(String value) {
            return NamePattern.qualified(checked(value, 3));
        }
    }

    /** pg_dump's own refusals: an empty pattern, and more dotted names than the pattern can have (its words). */
    static String checked(String pattern, int mostParts) {
        if (pattern.isEmpty()) {
            throw new BadValue("must not be empty");
        }
        if (dottedParts(pattern) > mostParts) {
            throw new BadValue("has too many dotted names (an improper qualified name, as pg_dump says): " + pattern);
        }
        return pattern;
    }

    private static int dottedParts(String pattern) {
        int parts = 1;
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            quoted ^= c == '"';
            parts += c == '.' && !quoted ? 1 : 0;
        }
        return parts;
    }
}
