package io.pgshift.copy;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12, point 5: privileges the source changed on built-in objects since initdb (pg_init_privs) are copied as
 * pg_dump copies them; a managed admin, who may not change them, gets a warning that names them instead.
 */
class BuiltInPrivilegesIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");
    @RegisterExtension
    static final ManagedServer managed = ManagedServer.of(ManagedServer.Provider.CLOUDSQL, "17");

    @BeforeAll
    static void changeBuiltInPrivileges() {
        source.execute("postgres", "CREATE ROLE auditor NOLOGIN", "CREATE DATABASE builtins");
        target.execute("postgres", "CREATE ROLE auditor NOLOGIN");
        managed.execute("postgres", "CREATE ROLE auditor NOLOGIN");
        source.execute("builtins", "GRANT SELECT (rolname) ON pg_catalog.pg_authid TO auditor",
                "REVOKE EXECUTE ON FUNCTION pg_catalog.pg_sleep(double precision) FROM PUBLIC",
                "GRANT EXECUTE ON FUNCTION pg_catalog.pg_sleep(double precision) TO auditor",
                "CREATE TABLE t (id integer)");
    }

    @Test
    void aCopyAsASuperuserMakesTheSameChangesAndPgDumpReadsBothAlike() throws Exception {
        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(source, "builtins"), "--target", Cli.conn(target, "builtins"));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        String expected = PgDumpOracle.schema(source, "builtins");
        String actual = PgDumpOracle.schema(target, "builtins");
        assertThat(expected).contains("GRANT SELECT(rolname) ON TABLE pg_catalog.pg_authid TO auditor;");
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        try (Connection c = target.connect("builtins"); ResultSet rs = c.createStatement().executeQuery(
                "SELECT has_function_privilege('public', 'pg_sleep(double precision)', 'EXECUTE')")) {
            rs.next();
            assertThat(rs.getBoolean(1)).isFalse();
        }
    }

    @Test
    void aCopyAsAManagedAdminLeavesThemOutWithAWarningThatNamesThem() {
        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(source, "builtins"), "--target", managed.adminConn("builtins"));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        assertThat(copy.err()).contains("built-in objects").contains("pg_catalog.pg_authid")
                .contains("FUNCTION pg_catalog.pg_sleep(double precision)").contains("superuser");
    }
}
