package io.pgshift.roles;

import java.util.List;
import java.util.Set;

/**
 * One role of the source as pg_dumpall --roles-only sees it. {@code password} is null when the role has none or
 * when the source does not let pgshift read pg_authid; {@code validUntil} is the server's text (UTC, ISO) or null;
 * {@code settings} are pg_db_role_setting's "name=value" entries that apply in every database.
 */
record Role(String name, boolean bootstrap, Set<Attribute> attributes, int connectionLimit, String validUntil,
            Verifier password, String comment, List<String> settings) {
    Role {
        attributes = Set.copyOf(attributes);
        settings = List.copyOf(settings);
    }

    /** The same role without powers, login or password: a name that owns objects, nothing more. */
    Role asOwnerOnly() {
        return new Role(name, bootstrap, Set.of(Attribute.INHERIT), -1, null, null, comment, settings);
    }

    boolean has(Attribute attribute) {
        return attributes.contains(attribute);
    }
}
