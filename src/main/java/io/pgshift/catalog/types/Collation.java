package io.pgshift.catalog.types;

import io.pgshift.catalog.Definition;
import io.pgshift.catalog.QualifiedName;

/**
 * A user-defined collation.
 *
 * @param provider      pg_collation.collprovider: c libc, i icu, b builtin; c on 9.6, which has no providers
 * @param withProviders read from 10 or later, whose statement names the provider (a 9.6 source copied to 9.6
 *                      must not)
 * @param locale        the ICU or builtin locale (colliculocale, colllocale), or null
 * @param rules         ICU tailoring rules (16+), or null
 */
public record Collation(QualifiedName name, char provider, boolean withProviders, boolean deterministic,
                        String collate, String ctype, String locale, String rules) implements Definition {
}
