package io.pgshift.roles;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** From 16 on a membership has INHERIT and SET options and a checked grantor: all three reach the target. */
class RolesFrom16To17IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("16");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    static final List<String> ROLES = List.of("g_admin", "g_team", "g_dev", "g_audit", "g_src_admin", "g_dev2");

    @BeforeAll
    static void grantsOnTheSource() {
        source.execute("postgres",
                "CREATE ROLE g_admin LOGIN CREATEROLE PASSWORD 'admin'",
                "CREATE ROLE g_team",
                "CREATE ROLE g_dev LOGIN PASSWORD 'dev'",
                "CREATE ROLE g_audit",
                "CREATE ROLE g_src_admin LOGIN CREATEROLE",
                "CREATE ROLE g_dev2 LOGIN",
                "GRANT g_team TO g_admin WITH ADMIN TRUE",
                "GRANT g_team TO g_src_admin WITH ADMIN TRUE, INHERIT FALSE",
                "GRANT g_team TO g_audit WITH INHERIT TRUE, SET FALSE",
                "SET ROLE g_admin",
                "GRANT g_team TO g_dev WITH INHERIT FALSE, SET TRUE",
                "RESET ROLE",
                "SET ROLE g_src_admin",
                "GRANT g_team TO g_dev2",
                "RESET ROLE",
                "GRANT SET ON PARAMETER log_statement TO g_admin",
                "GRANT SET, ALTER SYSTEM ON PARAMETER work_mem TO g_team WITH GRANT OPTION");
    }

    @BeforeEach
    void targetWithoutTheRoles() throws Exception {
        target.execute("postgres", "REVOKE ALL ON PARAMETER log_statement, work_mem FROM PUBLIC");
        RoleFacts.drop(target, ROLES);
        RoleFacts.drop(target, List.of("g_tgt_admin"));
    }

    @Test
    void grantOptionsGrantorsAndParameterPrivilegesAreEqualOnTheTarget() throws Exception {
        Cli.Run run = Cli.run("roles", "--source", Cli.conn(source, "postgres"), "--target", Cli.conn(target, "postgres"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("6 created").contains("2 parameter privileges").doesNotContain("warning:");
        List<String> memberships = RoleFacts.memberships(target, ROLES, true);
        assertThat(memberships).isEqualTo(RoleFacts.memberships(source, ROLES, true))
                .contains("g_dev in g_team admin=false inherit=false set=true by g_admin",
                        "g_audit in g_team admin=false inherit=true set=false by postgres");
        assertThat(parameterAcl(target)).isEqualTo(parameterAcl(source)).hasSize(2);
        assertThat(RoleFacts.logIn(target, "g_dev", "dev")).isEqualTo("g_dev");

        Cli.Run again = Cli.run("roles", "--source", Cli.conn(source, "postgres"), "--target", Cli.conn(target, "postgres"));
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(RoleFacts.memberships(target, ROLES, true)).isEqualTo(memberships);
    }

    @Test
    void aRoleMapGivesTheSourceAdminsGrantsToTheTargetsAdmin() throws Exception {
        target.execute("postgres", "CREATE ROLE g_tgt_admin LOGIN CREATEROLE");

        Cli.Run run = Cli.run("roles", "--source", Cli.conn(source, "postgres"), "--target", Cli.conn(target, "postgres"),
                "--role-map", "g_src_admin=g_tgt_admin");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("skipped g_src_admin: mapped to g_tgt_admin by --role-map");
        assertThat(RoleFacts.exists(target, "g_src_admin")).isFalse();
        assertThat(RoleFacts.memberships(target, List.of("g_tgt_admin", "g_dev2"), true)).containsExactly(
                "g_dev2 in g_team admin=false inherit=true set=true by g_tgt_admin",
                "g_tgt_admin in g_team admin=true inherit=false set=true by postgres");
    }

    private static List<String> parameterAcl(PostgresServer server) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT parname || ' ' || paracl::text FROM pg_catalog.pg_parameter_acl "
                     + "WHERE paracl IS NOT NULL ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
