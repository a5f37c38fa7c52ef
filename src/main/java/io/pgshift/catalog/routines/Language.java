package io.pgshift.catalog.routines;

import io.pgshift.catalog.Definition;

/**
 * A procedural language.
 *
 * @param handler   the call handler, schema-qualified as the server quotes it
 * @param inline    the inline handler, likewise, or null
 * @param validator the validator, likewise, or null
 */
public record Language(String name, boolean trusted, String handler, String inline, String validator)
        implements Definition {
}
