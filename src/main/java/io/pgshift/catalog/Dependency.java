package io.pgshift.catalog;

import io.pgshift.object.ObjectRef;

/**
 * {@code dependent} cannot be created before {@code referenced}.
 *
 * @param via the part of the dependent whose definition makes the edge, when the part can be created apart
 *            from it (a column default, a domain's CHECK constraint), or null. A dependency loop is broken by
 *            creating such a part later, on its own; the edges it made then leave with it.
 */
public record Dependency(ObjectRef dependent, ObjectRef referenced, ObjectRef via) {

    public Dependency(ObjectRef dependent, ObjectRef referenced) {
        this(dependent, referenced, null);
    }
}
