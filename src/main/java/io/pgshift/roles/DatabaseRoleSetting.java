package io.pgshift.roles;

import java.util.List;

/**
 * Settings of one role in one database ({@code ALTER ROLE role IN DATABASE database SET ...}), as pg_db_role_setting
 * stores them: "name=value" each. They can only be applied once the database exists on the target, so a whole-server
 * upgrade applies them after it created the databases, through
 * {@link RoleMigration#applyDatabaseSettings(io.pgshift.connect.ConnInfo, List)}.
 */
public record DatabaseRoleSetting(String role, String database, List<String> settings) {
    public DatabaseRoleSetting {
        settings = List.copyOf(settings);
    }
}
