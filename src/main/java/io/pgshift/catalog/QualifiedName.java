package io.pgshift.catalog;

/** An object's schema and name, as the catalog holds them: unquoted. */
public record QualifiedName(String schema, String name) {
}
