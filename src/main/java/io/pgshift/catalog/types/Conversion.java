package io.pgshift.catalog.types;

import io.pgshift.catalog.Definition;
import io.pgshift.catalog.QualifiedName;

/** A user-defined encoding conversion, through a function of its own, which is created earlier. */
public record Conversion(QualifiedName name, boolean isDefault, String sourceEncoding, String targetEncoding,
                         QualifiedName function) implements Definition {
}
