package io.pgshift.managed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

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
import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.PostgresServer;

import static io.pgshift.managed.ManagedUpgrades.text;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The failures the issue saw, from a self-hosted PostgreSQL 11 to a target set up as Azure sets up its servers,
 * connecting there as the admin: ownership as a CREATEROLE admin on 17, the empty postgres database with -O, and
 * a check that predicts, before anything is written, what the admin cannot do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ManagedTargetRefusalsIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("11");
    @RegisterExtension
    static final ManagedServer target = ManagedServer.of(ManagedServer.Provider.AZURE, "17");

    @TempDir
    static Path reports;

    @BeforeAll
    static void fill() {
        source.execute("postgres",
                "CREATE ROLE app_user LOGIN PASSWORD 'app-secret-1'",
                "CREATE ROLE report_user LOGIN PASSWORD 'report-secret-2'",
                "CREATE DATABASE sales OWNER app_user",
                "CREATE DATABASE reports OWNER report_user");
        source.execute("sales",
                "CREATE SCHEMA app AUTHORIZATION app_user",
                "CREATE TABLE app.orders (id serial PRIMARY KEY, note text)",
                "ALTER TABLE app.orders OWNER TO app_user",
                "INSERT INTO app.orders (note) SELECT 'n' || g FROM generate_series(1, 200) g",
                "GRANT SELECT ON app.orders TO report_user");
        source.execute("reports", "CREATE TABLE r (id integer PRIMARY KEY)", "ALTER TABLE r OWNER TO report_user");
        // The one role the target has already, made by its admin as the was.
        target.executeAsAdmin("postgres", "CREATE ROLE app_user LOGIN PASSWORD 'target-side-3'");
    }

    @Test
    @Order(1)
    void onlyTheEmptyPostgresDatabaseMovesWithNoOwnerWithoutAskingForCreateOnIt() throws Exception {
        Cli.Run run = Cli.run("upgrade", "--source", Cli.conn(source, "postgres"), "--target",
                target.adminConn("postgres"), "--databases", "postgres", "-O");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("permission denied");
    }

    @Test
    @Order(2)
    void theWholeUpgradeKeepsOwnersOn17AsACreateroleAdmin() throws Exception {
        Path report = reports.resolve("upgrade.json");

        Cli.Run run = Cli.run("upgrade", "--source", Cli.conn(source, "postgres"), "--target",
                target.adminConn("postgres"), "--report", report.toString());

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).doesNotContain("the target cannot use locale");
        try (Connection t = target.connectAsSuperuser("sales")) {
            assertThat(text(t, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'sales'"))
                    .isEqualTo("app_user");
            assertThat(text(t, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'reports'"))
                    .isEqualTo("report_user");
            assertThat(text(t, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'app.orders'::regclass"))
                    .isEqualTo("app_user");
            assertThat(text(t, "SELECT pg_has_role('myadmin', 'report_user', 'SET')::text")).isEqualTo("false");
            // The source's superuser is there only to own what it owned: no powers, no login.
            assertThat(text(t, "SELECT rolsuper || ' ' || rolcanlogin || ' ' || (rolpassword IS NULL) FROM pg_authid "
                    + "WHERE rolname = 'postgres'")).isEqualTo("false false true");
        }
        JsonNode json = new ObjectMapper().readTree(Files.readString(report));
        assertThat(json.get("succeeded").asBoolean()).isTrue();
        assertThat(json.get("skippedDatabases").toString()).contains("template1");
    }

    @Test
    @Order(3)
    void checkNamesEverythingAnAdminCannotDoAndTheUpgradeThenWritesNothing(@TempDir Path tablespace) throws Exception {
        source.execute("postgres",
                "CREATE ROLE legacy_owner LOGIN PASSWORD 'legacy-4'",
                "CREATE ROLE source_reader LOGIN PASSWORD 'reader-5'",
                "CREATE TABLESPACE archive_space LOCATION '" + tablespace + "'",
                "CREATE DATABASE legacy OWNER legacy_owner");
        source.execute("legacy",
                "CREATE EXTENSION dblink",
                "CREATE TYPE celsius",
                "CREATE FUNCTION celsius_in(cstring) RETURNS celsius AS 'int4in' LANGUAGE internal IMMUTABLE STRICT",
                "CREATE FUNCTION celsius_out(celsius) RETURNS cstring AS 'int4out' LANGUAGE internal IMMUTABLE STRICT",
                "CREATE TYPE celsius (INPUT = celsius_in, OUTPUT = celsius_out, LIKE = integer)",
                "CREATE TABLE readings (id integer PRIMARY KEY, t celsius) TABLESPACE archive_space",
                "ALTER TABLE readings OWNER TO legacy_owner",
                "CREATE TABLE hidden (id integer)",
                "SELECT lo_from_bytea(0, 'a legacy attachment')",
                "DO $$ BEGIN EXECUTE format('ALTER LARGE OBJECT %s OWNER TO legacy_owner', "
                        + "(SELECT max(oid) FROM pg_largeobject_metadata)); END $$",
                "GRANT SELECT ON readings TO source_reader");
        // Made on the target by its superuser: the admin holds no ADMIN OPTION on the role, and no right to
        // create anything in the database.
        target.execute("postgres", "CREATE ROLE legacy_owner NOLOGIN", "CREATE DATABASE legacy",
                "REVOKE CREATE, TEMPORARY ON DATABASE legacy FROM PUBLIC");
        String reader = "host=" + source.host() + " port=" + source.port()
                + " user=source_reader password='reader-5' dbname=postgres sslmode=disable";

        Cli.Run check = Cli.run("check", "--source", reader, "--target", target.adminConn("postgres"),
                "--databases", "legacy", "--json");

        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(12);
        List<String> errors = new ArrayList<>();
        new ObjectMapper().readTree(check.out()).get("findings").forEach(f -> {
            if (f.get("severity").asText().equals("ERROR")) {
                errors.add(f.get("code").asText() + " " + f.get("message").asText() + " / " + f.get("fix").asText());
            }
        });
        assertThat(errors).anyMatch(e -> e.startsWith("PGS-ROLE-NOT-SETTABLE") && e.contains("legacy_owner")
                && e.contains("ADMIN OPTION"));
        assertThat(errors).anyMatch(e -> e.startsWith("PGS-EXTENSION-NOT-ALLOWED") && e.contains("dblink"));
        assertThat(errors).anyMatch(e -> e.startsWith("PGS-BASE-TYPE") && e.contains("celsius"));
        assertThat(errors).anyMatch(e -> e.startsWith("PGS-TABLESPACE-MISSING") && e.contains("archive_space")
                && e.contains("--no-tablespaces"));
        assertThat(errors).anyMatch(e -> e.startsWith("PGS-TARGET-DATABASE-NO-CREATE")
                && e.contains("GRANT CREATE ON DATABASE legacy TO myadmin"));
        assertThat(errors).anyMatch(e -> e.startsWith("PGS-SOURCE-UNREADABLE-TABLES") && e.contains("hidden")
                && e.contains("GRANT SELECT ON public.hidden TO source_reader"));
        assertThat(errors).anyMatch(e -> e.startsWith("PGS-SOURCE-UNREADABLE-LARGE-OBJECTS")
                && e.contains("1 large object, owned by legacy_owner") && e.contains("GRANT legacy_owner TO source_reader"));

        List<String> rolesBefore = roles();
        Cli.Run upgrade = Cli.run("upgrade", "--source", reader, "--target", target.adminConn("postgres"),
                "--databases", "legacy");

        assertThat(upgrade.exitCode()).as(upgrade.out() + upgrade.err()).isEqualTo(12);
        assertThat(upgrade.err()).contains("nothing was written");
        assertThat(roles()).isEqualTo(rolesBefore);
        try (Connection t = target.connectAsSuperuser("legacy")) {
            assertThat(text(t, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace"))
                    .isEqualTo("0");
            assertThat(text(t, "SELECT count(*) FROM pg_extension WHERE extname <> 'plpgsql'")).isEqualTo("0");
        }
    }

    @Test
    @Order(4)
    void aDumpOfTablesTheSourceUserMayNotReadStopsBeforeAFileIsWritten(@TempDir Path dir) {
        String reader = "host=" + source.host() + " port=" + source.port()
                + " user=source_reader password='reader-5' dbname=legacy sslmode=disable";
        Path dump = dir.resolve("legacy.dump");

        Cli.Run run = Cli.run("dump", "-F", "directory", "-f", dump.toString(), "--source", reader);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(12);
        assertThat(run.err()).contains("public.hidden").contains("owned by legacy_owner, postgres").contains("GRANT SELECT ON public.hidden TO source_reader")
                .doesNotContain("GRANT postgres TO").contains("nothing was written");
        assertThat(dump).doesNotExist();
    }

    @Test
    @Order(5)
    void anExtensionOutsideTheAllowListStopsACopyOrARestoreBeforeTheDatabaseIsCreated(@TempDir Path dir)
            throws Exception {
        source.execute("postgres", "CREATE DATABASE crypto");
        source.execute("crypto", "CREATE EXTENSION pgcrypto", "CREATE TABLE secrets (id integer PRIMARY KEY, h bytea)");
        Path dump = dir.resolve("crypto.dump");
        assertThat(Cli.run("dump", "-F", "directory", "-f", dump.toString(), "--source", Cli.conn(source, "crypto"))
                .exitCode()).isZero();

        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(source, "crypto"), "--target", target.adminConn("crypto"));
        Cli.Run restore = Cli.run("restore", "--target", target.adminConn("crypto"), dump.toString());

        for (Cli.Run run : List.of(copy, restore)) {
            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(9);
            assertThat(run.err()).contains("extension pgcrypto is not in the target's allow-list azure.extensions")
                    .contains("nothing was written");
        }
        try (Connection t = target.connectAsSuperuser("postgres")) {
            assertThat(text(t, "SELECT count(*) FROM pg_database WHERE datname = 'crypto'")).isEqualTo("0");
        }
    }

    private static List<String> roles() throws Exception {
        try (Connection t = target.connectAsSuperuser("postgres")) {
            return List.of(text(t, "SELECT string_agg(rolname, ',' ORDER BY rolname) FROM pg_roles").split(","));
        }
    }
}
