package io.pgshift.roles;

import java.util.List;

/** A privilege on a server parameter (pg_parameter_acl, PostgreSQL 15+); {@code grantee} null means PUBLIC. */
record ParameterGrant(String parameter, String grantee, List<String> privileges, boolean grantable) {
    ParameterGrant {
        privileges = List.copyOf(privileges);
    }

    ParameterGrant withGrantee(String grantee) {
        return new ParameterGrant(parameter, grantee, privileges, grantable);
    }
}
