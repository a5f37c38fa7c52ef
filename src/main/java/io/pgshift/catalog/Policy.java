package io.pgshift.catalog;

import java.util.List;

/**
 * A row security policy.
 *
 * @param command pg_policy.polcmd: r SELECT, a INSERT, w UPDATE, d DELETE, * all
 * @param roles   the roles it applies to; empty for PUBLIC
 * @param using   the USING expression, as pg_get_expr writes it, or null
 * @param check   the WITH CHECK expression, likewise, or null
 */
public record Policy(QualifiedName table, String name, boolean permissive, char command, List<String> roles,
                     String using, String check) implements Definition {
    public Policy {
        roles = List.copyOf(roles);
    }
}
