package io.pgshift.roles;

import java.util.List;

/** The statements of a role migration, in the order they run, and the result they lead to. */
record RolePlan(List<RoleStatement> statements, RoleMigrationResult result) {
    RolePlan {
        statements = List.copyOf(statements);
    }
}
