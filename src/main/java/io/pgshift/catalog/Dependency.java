package io.pgshift.catalog;

/** {@code dependent} cannot be created before {@code referenced}. */
public record Dependency(ObjectRef dependent, ObjectRef referenced) {
}
