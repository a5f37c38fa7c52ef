package io.pgshift.managed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ManagedServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole upgrade between two servers of the same managed service, connecting as its admin on both ends, as the
 * issue's acceptance asks for each provider. The source is filled the way a customer fills such a server: by its
 * admin, who is not a superuser, except for what only the provider could have done there (a role with BYPASSRLS, an
 * extension before extensions could be trusted).
 */
final class ManagedUpgrades {
    private static final Set<ManagedServer> PREPARED = Collections.synchronizedSet(new HashSet<>());

    private ManagedUpgrades() {
    }

    /**
     * Roles with owners, memberships and settings; databases owned by other roles than the admin; default
     * privileges, grants, a trusted extension, a large object owned by another role, a materialized view, and a
     * role with BYPASSRLS. The admin is a member of mg_owner, as a DBA makes it to manage that role's objects, but
     * not of mg_reports, whose table it may only read.
     */
    static void fill(ManagedServer source) {
        if (!PREPARED.add(source)) {
            return;
        }
        String admin = source.admin();
        source.executeAsAdmin("postgres",
                "CREATE ROLE mg_owner LOGIN PASSWORD 'owner-pw-1'",
                "CREATE ROLE mg_reader NOLOGIN",
                "CREATE ROLE mg_clerk LOGIN PASSWORD 'clerk-pw-2' CONNECTION LIMIT 4",
                "CREATE ROLE mg_reports LOGIN PASSWORD 'reports-pw-3'",
                "GRANT mg_reader TO mg_clerk",
                "ALTER ROLE mg_clerk SET work_mem = '16MB'",
                "GRANT mg_owner TO " + admin,
                "GRANT mg_reports TO " + admin,
                "CREATE DATABASE mg_sales OWNER mg_owner",
                "CREATE DATABASE mg_reports OWNER mg_reports",
                "ALTER ROLE mg_clerk IN DATABASE mg_sales SET search_path = app, public");
        // Up to 15 only a superuser gives BYPASSRLS, and pgcrypto became trusted in 13 only: the provider's doing.
        source.execute("postgres", "CREATE ROLE mg_auditor NOLOGIN BYPASSRLS");
        if (Integer.parseInt(source.majorVersion()) < 13) {
            source.execute("mg_sales", "CREATE EXTENSION pgcrypto");
        } else {
            source.executeAsAdmin("mg_sales", "CREATE EXTENSION pgcrypto");
        }
        source.executeAsAdmin("mg_sales",
                "CREATE SCHEMA app AUTHORIZATION mg_owner",
                "SET ROLE mg_owner",
                "CREATE TABLE app.orders (id serial PRIMARY KEY, customer text NOT NULL, fingerprint text)",
                "INSERT INTO app.orders (customer, fingerprint) SELECT 'customer ' || g, "
                        + "encode(digest('c' || g, 'sha256'), 'hex') FROM generate_series(1, 500) g",
                "GRANT SELECT ON app.orders TO mg_reader",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO mg_reader",
                "CREATE MATERIALIZED VIEW app.totals AS SELECT count(*) AS orders FROM app.orders",
                "SELECT lo_from_bytea(0, 'a large object of mg_owner')",
                "RESET ROLE");
        source.executeAsAdmin("mg_reports",
                "SET ROLE mg_reports",
                "CREATE TABLE summary (id integer PRIMARY KEY, orders integer)",
                "INSERT INTO summary SELECT g, g * 10 FROM generate_series(1, 50) g",
                "GRANT SELECT ON summary TO " + admin,
                "RESET ROLE",
                "REVOKE mg_reports FROM " + admin);
    }

    /** Runs the upgrade as the admin on both ends and checks what the acceptance asks; returns the JSON report. */
    static JsonNode upgradeAndCheck(ManagedServer source, ManagedServer target, Path reports) throws Exception {
        fill(source);
        Path report = reports.resolve(source.provider().label() + source.majorVersion() + "-" + target.majorVersion()
                + ".json");

        Cli.Run run = Cli.run("upgrade", "--source", source.adminConn("postgres"), "--target",
                target.adminConn("postgres"), "--jobs", "2", "--report", report.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        String text = Files.readString(report);
        assertThat(text + run.out() + run.err()).doesNotContain(ManagedServer.ADMIN_PASSWORD);
        JsonNode json = new ObjectMapper().readTree(text);
        for (JsonNode step : json.get("steps")) {
            assertThat(step.get("status").asText()).as(step.toString()).isEqualTo("DONE");
        }
        List<String> verified = new ArrayList<>();
        json.get("databases").forEach(d -> verified.add(d.get("name").asText() + " " + d.get("verification").asText()));
        assertThat(verified).contains("mg_sales passed", "mg_reports passed");

        try (Connection t = target.connectAsSuperuser("mg_sales")) {
            assertThat(text(t, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'mg_sales'"))
                    .isEqualTo("mg_owner");
            assertThat(text(t, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'mg_reports'"))
                    .isEqualTo("mg_reports");
            assertThat(text(t, "SELECT string_agg(relname || '=' || pg_get_userbyid(relowner), ',' ORDER BY relname) "
                    + "FROM pg_class WHERE relnamespace = 'app'::regnamespace AND relkind IN ('r', 'm')"))
                    .isEqualTo("orders=mg_owner,totals=mg_owner");
            assertThat(text(t, "SELECT pg_get_userbyid(lomowner) FROM pg_largeobject_metadata"))
                    .isEqualTo("mg_owner");
            assertThat(text(t, "SELECT count(*) FROM app.orders")).isEqualTo("500");
            assertThat(text(t, "SELECT rolbypassrls::text FROM pg_roles WHERE rolname = 'mg_auditor'"))
                    .isEqualTo("false");
            // What the admin granted itself to give mg_reports its objects is taken back; its ADMIN OPTION stays.
            assertThat(text(t, "SELECT pg_has_role('" + target.admin() + "', 'mg_reports', 'USAGE')::text"))
                    .isEqualTo("false");
        }
        List<String> findings = new ArrayList<>();
        json.get("findings").forEach(f -> findings.add(f.get("code").asText() + " " + f.get("message").asText()));
        assertThat(findings).anyMatch(f -> f.startsWith("PGS-ROLE-LEFT-OUT role mg_auditor: NOBYPASSRLS")
                || f.startsWith("PGS-ROLE-LEFT-OUT role mg_auditor: BYPASSRLS"));
        for (String login : List.of("mg_owner", "mg_clerk", "mg_reports")) {
            assertThat(findings).as(login).anyMatch(f -> f.startsWith("PGS-ROLE-NEEDS-PASSWORD role " + login + " ")
                    && f.contains("ALTER ROLE " + login + " PASSWORD"));
        }
        assertThat(findings).anyMatch(f -> f.startsWith("PGS-OWNER-ROLES-GRANTED") && f.contains("mg_reports"));
        assertThat(findings).anyMatch(f -> f.startsWith("PGS-TARGET-PROFILE")
                && f.contains("runs on " + target.provider().label()));
        return json;
    }

    static String text(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
