package io.pgshift.catalog;

/** A table's row security switches: on (ENABLE), and forced on its owner too (FORCE). */
public record RowSecurity(QualifiedName table, boolean enabled, boolean forced) implements Definition {
}
