package io.pgshift.ddl;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.catalog.DatabaseInfo;

import static org.assertj.core.api.Assertions.assertThat;

class StatementKindsTest {
    @Test
    void theRoleAStatementActsAsIsTheNewOwnerOrTheRoleSet() {
        assertThat(StatementKinds.actingRole("ALTER TABLE app.orders OWNER TO app_owner")).isEqualTo("app_owner");
        assertThat(StatementKinds.actingRole("ALTER SCHEMA \"Odd\" OWNER TO \"Mixed \"\"Case\"\"\""))
                .isEqualTo("Mixed \"Case\"");
        assertThat(StatementKinds.actingRole("SET ROLE lead")).isEqualTo("lead");
        assertThat(StatementKinds.actingRole("GRANT SELECT ON TABLE t TO reader")).isNull();
        assertThat(StatementKinds.actingRole("CREATE FUNCTION f() RETURNS int AS $$\nSELECT 1 -- OWNER TO x\n$$"))
                .isNull();
    }

    @Test
    void theDatabasesOwnerAndPrivilegesAreToldApartInsideTheirWrapping() {
        DatabaseInfo db = new DatabaseInfo(1, "shop", "shop's owner", "UTF8", "C", "C", 'c', null, null, false, -1,
                List.of(), null, "{\"acl\": [[\"shop's owner\",\"reader\",\"CONNECT\",false]], \"default\": []}");
        List<String> sql = DatabaseProperties.entry(db, DdlOptions.DEFAULTS).sql();

        assertThat(sql).filteredOn(StatementKinds::isOwnership).hasSize(1);
        assertThat(sql).filteredOn(StatementKinds::isPrivilege).hasSize(1);
        assertThat(sql.stream().map(StatementKinds::actingRole).filter(r -> r != null).toList())
                .containsExactly("shop's owner");
    }
}
