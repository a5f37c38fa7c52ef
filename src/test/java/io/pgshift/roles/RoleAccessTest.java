package io.pgshift.roles;

import org.junit.jupiter.api.Test;

import io.pgshift.catalog.ServerVersion;

import static org.assertj.core.api.Assertions.assertThat;

class RoleAccessTest {
    @Test
    void from16TheAdminGrantsItselfBothSetAndInheritExplicitly() {
        assertThat(RoleAccess.grant("app_owner", "myadmin", new ServerVersion(160009)))
                .isEqualTo("GRANT app_owner TO myadmin WITH INHERIT TRUE, SET TRUE");
    }

    @Test
    void before16AMembershipIsAllThereIsToGrant() {
        assertThat(RoleAccess.grant("app_owner", "myadmin", new ServerVersion(150012)))
                .isEqualTo("GRANT app_owner TO myadmin");
    }

    @Test
    void namesAreQuotedWhereTheyNeedIt() {
        assertThat(RoleAccess.grant("App Owner", "my\"admin", new ServerVersion(170005)))
                .isEqualTo("GRANT \"App Owner\" TO \"my\"\"admin\" WITH INHERIT TRUE, SET TRUE");
        assertThat(RoleAccess.revoke("App Owner", "postgres")).isEqualTo("REVOKE \"App Owner\" FROM postgres");
    }

    @Test
    void noGrantsMeansNothingToTakeBack() {
        assertThat(RoleAccess.Grants.none("myadmin").roles()).isEmpty();
    }
}
