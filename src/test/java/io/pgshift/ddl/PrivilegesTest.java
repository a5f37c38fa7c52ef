package io.pgshift.ddl;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import io.pgshift.sql.Privileges;

class PrivilegesTest {
    private static final String DEFAULTS = "[[\"app_owner\",\"app_owner\",\"SELECT\",false]]";

    @Test
    void aGrantByTheOwnerIsWrittenPlainly() {
        String acl = "{\"acl\": [[\"app_owner\",\"app_owner\",\"SELECT\",false],"
                + "[\"app_owner\",\"reader\",\"SELECT\",false]], \"default\": " + DEFAULTS + "}";

        assertThat(Privileges.statements("TABLE public.t", "app_owner", acl, true))
                .containsExactly("GRANT SELECT ON TABLE public.t TO reader");
    }

    @Test
    void aGrantByAnotherRoleIsMadeAsThatRoleWithSetRoleWhichAMemberMayUseNotOnlyASuperuser() {
        String acl = "{\"acl\": [[\"app_owner\",\"app_owner\",\"SELECT\",false],"
                + "[\"lead\",\"reader\",\"SELECT\",false]], \"default\": " + DEFAULTS + "}";

        assertThat(Privileges.statements("TABLE public.t", "app_owner", acl, true))
                .containsExactly("SET ROLE lead", "GRANT SELECT ON TABLE public.t TO reader", "RESET ROLE");
        assertThat(StatementKinds.isPrivilege("SET ROLE lead")).isTrue();
        assertThat(StatementKinds.isPrivilege("RESET ROLE")).isTrue();
    }

    @Test
    void withoutOwnersTheGrantorIsNotNamed() {
        String acl = "{\"acl\": [[\"app_owner\",\"app_owner\",\"SELECT\",false],"
                + "[\"lead\",\"reader\",\"SELECT\",false]], \"default\": " + DEFAULTS + "}";

        assertThat(Privileges.statements("TABLE public.t", "app_owner", acl, false))
                .containsExactly("GRANT SELECT ON TABLE public.t TO reader");
    }

    @Test
    void publicsPrivilegesForPublicAreSetOutrightSinceInitdbsDefaultChangedIn15() {
        String before15 = "{\"acl\": [[\"postgres\",\"postgres\",\"USAGE\",false],[\"postgres\",\"postgres\",\"CREATE\",false],"
                + "[\"postgres\",\"\",\"USAGE\",false],[\"postgres\",\"\",\"CREATE\",false]], \"default\": "
                + "[[\"postgres\",\"postgres\",\"USAGE\",false],[\"postgres\",\"postgres\",\"CREATE\",false]]}";
        String closed = "{\"acl\": [[\"postgres\",\"postgres\",\"USAGE\",false],[\"postgres\",\"postgres\",\"CREATE\",false],"
                + "[\"postgres\",\"app\",\"USAGE\",false]], \"default\": "
                + "[[\"postgres\",\"postgres\",\"USAGE\",false],[\"postgres\",\"postgres\",\"CREATE\",false]]}";

        assertThat(Privileges.publicSchema(null, before15, true)).containsExactly(
                "REVOKE ALL ON SCHEMA public FROM PUBLIC", "GRANT USAGE, CREATE ON SCHEMA public TO PUBLIC");
        assertThat(Privileges.publicSchema(null, closed, true)).containsExactly(
                "REVOKE ALL ON SCHEMA public FROM PUBLIC", "GRANT USAGE ON SCHEMA public TO app");
    }
}
