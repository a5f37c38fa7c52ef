package io.pgshift.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12, point 6: a materialized view is filled under the settings its database and its owner give a session,
 * as on the source, not under pgshift's own; and verify compares a materialized view's rows as a table's.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MaterializedViewSettingsIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void createViewsThatDependOnSettings() {
        source.execute("postgres", "CREATE ROLE report_owner NOLOGIN", "CREATE DATABASE local_days",
                // UTC+14: an evening in UTC is the next day there.
                "ALTER DATABASE local_days SET TimeZone = 'Pacific/Kiritimati'",
                "ALTER ROLE report_owner IN DATABASE local_days SET DateStyle = 'SQL, DMY'");
        target.execute("postgres", "CREATE ROLE report_owner NOLOGIN");
        source.execute("local_days",
                "CREATE TABLE events (id integer, at timestamptz)",
                "INSERT INTO events SELECT g, timestamptz '2024-01-01 00:00+00' + g * interval '1 hour' "
                        + "FROM generate_series(0, 47) g",
                "GRANT SELECT ON events TO report_owner",
                "CREATE MATERIALIZED VIEW first_day AS SELECT id, at::date::text AS day FROM events "
                        + "WHERE at::date = date '2024-01-01' WITH NO DATA",
                "ALTER MATERIALIZED VIEW first_day OWNER TO report_owner",
                // pgjdbc refuses a session whose DateStyle does not begin with ISO: it is changed and put back
                // within one statement, as a session of the owner would refresh the view.
                "DO $$ BEGIN PERFORM set_config('TimeZone', 'Pacific/Kiritimati', false); "
                        + "PERFORM set_config('DateStyle', 'SQL, DMY', false); REFRESH MATERIALIZED VIEW first_day; "
                        + "PERFORM set_config('DateStyle', 'ISO, MDY', false); "
                        + "PERFORM set_config('TimeZone', 'UTC', false); END $$");
    }

    @Test
    @Order(1)
    void aMaterializedViewHoldsTheRowsItsOwnersSettingsGiveItAndVerifyAgrees() throws Exception {
        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(source, "local_days"),
                "--target", Cli.conn(target, "local_days"));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        assertThat(rows(target)).isEqualTo(rows(source)).startsWith("10 01/01/2024");
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "local_days"),
                "--target", Cli.conn(target, "local_days"));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    @Order(2)
    void verifyFindsAMaterializedViewRefreshedUnderOtherSettings() throws Exception {
        try (Connection c = target.connect("local_days"); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("REFRESH MATERIALIZED VIEW first_day");
        }

        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "local_days"),
                "--target", Cli.conn(target, "local_days"));

        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isEqualTo(10);
        assertThat(verify.out() + verify.err()).contains("first_day");
    }

    /** The view's rows, ordered, in one string: the count, then the first row. */
    private static String rows(PostgresServer server) throws Exception {
        try (Connection c = server.connect("local_days"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) || ' ' || min(day) || ' ' || min(id) || '-' || max(id) "
                     + "FROM first_day")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
