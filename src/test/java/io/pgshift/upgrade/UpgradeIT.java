package io.pgshift.upgrade;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #6's acceptance: a PostgreSQL 12 server with roles, three databases (one with a database-level
 * setting and a non-default owner) and a template1 holding an extra object, upgraded to 17 by
 * `pgshift upgrade`. The fixture tables keep autovacuum off, so their statistics can only come from pgshift.
 * The roles exist only on the source: the upgrade creates them.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    private static final List<String> DATABASES = List.of("upg_app", "upg_shop", "upg_archive");

    @TempDir
    static Path reports;

    @BeforeAll
    static void bootstrap() {
        source.execute("postgres",
                "CREATE ROLE upg_owner LOGIN PASSWORD 'owner-secret-1'",
                "CREATE ROLE upg_reader NOLOGIN",
                "CREATE ROLE upg_clerk LOGIN PASSWORD 'clerk-secret-2' CONNECTION LIMIT 5",
                "GRANT upg_reader TO upg_clerk",
                "ALTER ROLE upg_clerk SET work_mem = '16MB'");
        // Created before the databases, so every one of them inherits it: it is theirs now, and must be copied.
        source.execute("template1",
                "CREATE TABLE template_extra (id integer PRIMARY KEY, note text)",
                "INSERT INTO template_extra VALUES (1, 'from template1')");
        source.execute("postgres",
                "CREATE DATABASE upg_app OWNER upg_owner",
                "ALTER DATABASE upg_app SET work_mem = '12MB'",
                "COMMENT ON DATABASE upg_app IS 'the application'",
                "GRANT CREATE ON DATABASE upg_app TO upg_reader",
                "CREATE DATABASE upg_shop",
                "CREATE DATABASE upg_archive",
                "CREATE DATABASE upg_scratch",
                // Never moved, and the upgrade must say so with the reason.
                "CREATE DATABASE azure_maintenance",
                "CREATE DATABASE upg_sealed ALLOW_CONNECTIONS false");
        source.execute("upg_app",
                "CREATE TABLE orders (id serial PRIMARY KEY, customer text NOT NULL, amount numeric) "
                        + "WITH (autovacuum_enabled = false)",
                "INSERT INTO orders (customer, amount) SELECT 'customer ' || (g % 300), g * 1.5 "
                        + "FROM generate_series(1, 5000) g",
                "ALTER TABLE orders OWNER TO upg_owner",
                "GRANT SELECT ON orders TO upg_reader");
        source.execute("upg_shop",
                "CREATE SCHEMA stock",
                "CREATE TABLE stock.items (sku text PRIMARY KEY, qty integer) WITH (autovacuum_enabled = false)",
                "INSERT INTO stock.items SELECT 'sku-' || g, g % 40 FROM generate_series(1, 2000) g",
                "CREATE VIEW stock.empty_shelves AS SELECT sku FROM stock.items WHERE qty = 0");
        source.execute("upg_scratch", "CREATE TABLE junk (id integer)");
        source.execute("postgres",
                "ALTER ROLE upg_clerk IN DATABASE upg_app SET search_path = 'app', 'public'",
                "ALTER ROLE upg_clerk IN DATABASE upg_scratch SET work_mem = '2MB'",
                "ALTER ROLE upg_clerk IN DATABASE template1 SET work_mem = '3MB'",
                // A server parameter the target does not share, for the settings comparison to find.
                "ALTER SYSTEM SET work_mem = '7MB'",
                "SELECT pg_reload_conf()");
    }

    @Test
    @Order(1)
    void aDatabaseTheSourceDoesNotHaveStopsTheUpgradeBeforeAnythingIsWrittenAndTheReportSaysSo() throws Exception {
        Path report = reports.resolve("missing.json");

        Cli.Run run = Cli.run("upgrade", "--source", serverConn(source), "--target", serverConn(target),
                "--databases", "upg_app,upg_nosuch", "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(6);
        assertThat(run.err()).contains("upg_nosuch").doesNotContain("Exception");
        assertThat(targetDatabases()).doesNotContain("upg_app");
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertThat(json.get("succeeded").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(6);
        assertThat(json.get("failure").get("step").asText()).isEqualTo("CHECK");
        assertThat(status(json, "CHECK")).isEqualTo("FAILED");
        assertThat(status(json, "DATABASES")).isEqualTo("NOT_RUN");
        assertThat(status(json, "VERIFY")).isEqualTo("NOT_RUN");
    }

    @Test
    @Order(2)
    void theWholeServerMovesAndVerifiesWithTemplate1LeftAlone() throws Exception {
        Path report = reports.resolve("upgrade.json");

        Cli.Run run = Cli.run("upgrade", "--source", serverConn(source), "--target", serverConn(target),
                "--jobs", "3", "--exclude-databases", "upg_scratch", "--report", report.toString(),
                "--settings-script", reports.resolve("settings.sql").toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("succeeded").contains("upg_app").contains("upg_archive")
                .contains("  skipped databases:\n")
                .containsPattern("\n    azure_maintenance +the Azure service's own database\n")
                .containsPattern("\n    template1 +a template database, the target has its own\n")
                .containsPattern("\n    upg_scratch +left out by --exclude-databases\n")
                .containsPattern("\n    upg_sealed +does not allow connections\n")
                .contains("[PGS-DATABASE-SKIPPED] template1: database template1 is not moved");
        assertThat(targetDatabases()).containsAll(DATABASES).doesNotContain("upg_scratch", "upg_sealed",
                "azure_maintenance");
        try (Connection t = target.connect("postgres")) {
            assertThat(text(t, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'upg_app'"))
                    .isEqualTo("upg_owner");
            assertThat(text(t, "SELECT array_to_string(s.setconfig, ',') FROM pg_db_role_setting s "
                    + "JOIN pg_database d ON d.oid = s.setdatabase WHERE d.datname = 'upg_app' AND s.setrole = 0"))
                    .isEqualTo("work_mem=12MB");
            assertThat(text(t, "SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                    + "WHERE datname = 'upg_app'")).isEqualTo("the application");
        }
        try (Connection template1 = target.connect("template1")) {
            assertThat(text(template1, "SELECT to_regclass('public.template_extra')::text")).isNull();
        }
        for (String db : DATABASES) {
            try (Connection t = target.connect(db)) {
                assertThat(text(t, "SELECT note FROM template_extra WHERE id = 1")).as(db).isEqualTo("from template1");
            }
        }
        Cli.Run verify = Cli.run("verify", "--source", serverConn(source), "--target", serverConn(target),
                "--exclude-databases", "upg_scratch");
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("upg_app").contains("upg_shop").contains("upg_archive");
        assertThat(statisticsRows("upg_app", "public.orders")).isPositive();
        assertThat(statisticsRows("upg_shop", "stock.items")).isPositive();

        String text = Files.readString(report);
        assertThat(text).doesNotContain(source.password()).doesNotContain(target.password());
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("succeeded").asBoolean()).isTrue();
        assertThat(json.get("exitCode").asInt()).isZero();
        assertThat(json.get("options").get("source").get("password").asText()).isEqualTo("********");
        assertThat(json.get("sourceVersion").asText()).isEqualTo("12");
        assertThat(json.get("targetVersion").asText()).isEqualTo("17");
        for (String step : List.of("CHECK", "DATABASES", "ANALYZE", "VERIFY")) {
            assertThat(status(json, step)).as(step).isEqualTo("DONE");
        }
        List<String> copied = new ArrayList<>();
        for (JsonNode db : json.get("databases")) {
            assertThat(db.get("status").asText()).isEqualTo("DONE");
            assertThat(db.get("verification").asText()).isEqualTo("passed");
            assertThat(db.get("phases")).isNotEmpty();
            copied.add(db.get("name").asText());
        }
        assertThat(copied).containsExactlyInAnyOrder("upg_app", "upg_shop", "upg_archive", "postgres");
        assertThat(json.get("analyze").get("tables").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(json.get("findings").isArray()).isTrue();
        List<String> skipped = new ArrayList<>();
        json.get("skippedDatabases").forEach(d -> skipped.add(d.get("name").asText() + ": " + d.get("reason").asText()));
        assertThat(skipped).containsExactly("azure_maintenance: the Azure service's own database",
                "template0: a template database, the target has its own",
                "template1: a template database, the target has its own",
                "upg_scratch: left out by --exclude-databases",
                "upg_sealed: does not allow connections");
        List<String> skippedFindings = new ArrayList<>();
        json.get("findings").forEach(f -> {
            if (f.get("code").asText().equals("PGS-DATABASE-SKIPPED")) {
                assertThat(f.get("severity").asText()).isEqualTo("INFO");
                skippedFindings.add(f.get("database").asText());
            }
        });
        assertThat(skippedFindings).containsExactly("azure_maintenance", "template0", "template1", "upg_scratch");
    }

    @Test
    @Order(3)
    void rolesLogInWithTheirOldPasswordsAndKeepTheirMembershipsAndSettings() throws Exception {
        assertThat(logIn(target, "upg_owner", "owner-secret-1")).isEqualTo("upg_owner");
        assertThat(logIn(target, "upg_clerk", "clerk-secret-2")).isEqualTo("upg_clerk");
        String memberships = """
                SELECT string_agg(line, ', ' ORDER BY line) FROM (
                    SELECT m.rolname || ' in ' || r.rolname AS line FROM pg_auth_members a
                    JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
                    WHERE m.rolname LIKE 'upg\\_%') q""";
        String settings = """
                SELECT string_agg(line, ', ' ORDER BY line) FROM (
                    SELECT r.rolname || ' @' || coalesce(d.datname, '*') || ' ' || s.setconfig::text AS line
                    FROM pg_db_role_setting s JOIN pg_roles r ON r.oid = s.setrole
                    LEFT JOIN pg_database d ON d.oid = s.setdatabase
                    WHERE r.rolname LIKE 'upg\\_%' AND coalesce(d.datname, '*') IN ('*', 'upg_app')) q""";
        String attributes = "SELECT string_agg(rolname || ' login=' || rolcanlogin || ' connlimit=' || rolconnlimit, "
                + "', ' ORDER BY rolname) FROM pg_roles WHERE rolname LIKE 'upg\\_%'";
        try (Connection s = source.connect("postgres"); Connection t = target.connect("postgres")) {
            assertThat(text(t, attributes)).isEqualTo(text(s, attributes)).contains("upg_clerk login=true connlimit=5");
            assertThat(text(t, memberships)).isEqualTo(text(s, memberships)).contains("upg_clerk in upg_reader");
            assertThat(text(t, settings)).isEqualTo(text(s, settings)).contains("upg_clerk @* {work_mem=16MB}")
                    .contains("upg_clerk @upg_app {\"search_path=app, public\"}");
            // Not in the target's template1, nor in a database that was left out.
            assertThat(text(t, "SELECT count(*) FROM pg_db_role_setting s JOIN pg_database d ON d.oid = s.setdatabase "
                    + "WHERE d.datname IN ('template1', 'upg_scratch')")).isEqualTo("0");
        }
    }

    @Test
    @Order(4)
    void theReportListsTheParametersTheSourceChangedAndThePerDatabaseRoleSettingsLeftBehind() throws Exception {
        JsonNode json = new ObjectMapper().readTree(Files.readString(reports.resolve("upgrade.json")));

        assertThat(status(json, "ROLES")).isEqualTo("DONE");
        assertThat(status(json, "ROLE_SETTINGS")).isEqualTo("DONE");
        assertThat(status(json, "SETTINGS")).isEqualTo("DONE");
        List<String> messages = new ArrayList<>();
        json.get("findings").forEach(f -> messages.add(f.get("code").asText() + " " + f.get("message").asText()));
        assertThat(messages).anyMatch(m -> m.startsWith("PGS-SETTING-CHANGED work_mem = 7MB on the source"));
        assertThat(messages).noneMatch(m -> m.startsWith("PGS-SETTING-CHANGED port ")
                || m.startsWith("PGS-SETTING-CHANGED shared_buffers "));
        assertThat(Files.readString(reports.resolve("settings.sql"))).contains("ALTER SYSTEM SET work_mem = '7MB';")
                .doesNotContain("SET port");
        assertThat(messages).anyMatch(m -> m.startsWith("PGS-ROLE-SETTING-NOT-APPLIED") && m.contains("upg_scratch"));
        assertThat(messages).anyMatch(m -> m.startsWith("PGS-ROLE-SETTING-NOT-APPLIED") && m.contains("template1"));
    }

    @Test
    @Order(5)
    void aSecondUpgradeOntoTheFilledTargetIsStoppedByTheCheckAndReportsWhy() throws Exception {
        Path report = reports.resolve("again.json");

        Cli.Run run = Cli.run("upgrade", "--source", serverConn(source), "--target", serverConn(target),
                "--databases", "upg_app,upg_shop", "--report", report.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(12);
        assertThat(run.out()).contains("FAILED").contains("PGS-TARGET-NOT-EMPTY");
        assertThat(run.err()).contains("nothing was written");
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertThat(json.get("succeeded").asBoolean()).isFalse();
        assertThat(json.get("failure").get("code").asText()).isEqualTo("CHECK_FAILED");
        assertThat(status(json, "CHECK")).isEqualTo("FAILED");
        assertThat(status(json, "ROLES")).isEqualTo("NOT_RUN");
        assertThat(status(json, "DATABASES")).isEqualTo("NOT_RUN");
        List<String> errors = new ArrayList<>();
        json.get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("ERROR")) {
                errors.add(f.get("code").asText() + " " + f.get("database").asText());
            }
        });
        assertThat(errors).containsExactlyInAnyOrder("PGS-TARGET-NOT-EMPTY upg_app", "PGS-TARGET-NOT-EMPTY upg_shop");
    }

    @Test
    @Order(6)
    void withCleanTheSameUpgradeReplacesWhatItFindsAndVerifiesAndAnalyzesInStages() throws Exception {
        target.execute("upg_shop", "DELETE FROM stock.items WHERE qty = 3");
        Path report = reports.resolve("clean.json");

        Cli.Run run = Cli.run("upgrade", "--clean", "--source", serverConn(source), "--target", serverConn(target),
                "--databases", "upg_shop", "--jobs", "2", "--analyze-in-stages", "--report", report.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("PGS-TARGET-NOT-EMPTY").contains("succeeded");
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertThat(json.get("options").get("analyzeInStages").asBoolean()).isTrue();
        assertThat(json.get("analyze").get("stages")).hasSize(3);
        try (Connection t = target.connect("upg_shop")) {
            assertThat(text(t, "SELECT count(*) FROM stock.items")).isEqualTo("2000");
        }
    }

    /** Connects as the role with its password, as an application would; returns current_user. */
    private static String logIn(PostgresServer server, String role, String password) throws Exception {
        Properties p = new Properties();
        p.setProperty("user", role);
        p.setProperty("password", password);
        p.setProperty("sslmode", "disable");
        try (Connection c = DriverManager.getConnection(server.jdbcUrl("postgres"), p)) {
            return text(c, "SELECT current_user");
        }
    }

    private static String status(JsonNode report, String step) {
        for (JsonNode s : report.get("steps")) {
            if (s.get("step").asText().equals(step)) {
                return s.get("status").asText();
            }
        }
        throw new AssertionError("no step " + step + " in the report");
    }

    private static List<String> targetDatabases() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection c = target.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT datname FROM pg_database")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long statisticsRows(String db, String table) throws Exception {
        try (Connection c = target.connect(db)) {
            return Long.parseLong(text(c, "SELECT count(*) FROM pg_statistic WHERE starelid = '" + table
                    + "'::regclass"));
        }
    }

    private static String text(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** A whole server: no database named, and the password in the connection string, where masking must find it. */
    private static String serverConn(PostgresServer server) {
        return "host=" + server.host() + " port=" + server.port() + " user=" + server.superuser() + " password='"
                + server.password() + "' sslmode=disable";
    }
}
