package io.pgshift.check;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pgshift.connect.ConnInfo;
import io.pgshift.copy.TestExtensions;
import io.pgshift.server.DatabaseSelection;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ErrorOutput;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pre-flight check of an 11 to 17 upgrade: a table WITH OIDS, an extension the target lacks and a target
 * database that is not empty are each reported with their codes, and stop the upgrade; a clean database passes.
 */
class CheckIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("11");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    private static String missingExtension;

    @BeforeAll
    static void plantTheProblems() throws Exception {
        missingExtension = TestExtensions.installSourceOnlyExtension(source);
        source.createDatabase("legacy");
        source.execute("legacy", "CREATE EXTENSION " + missingExtension,
                "CREATE SCHEMA \"Old Stuff\"",
                "CREATE TABLE \"Old Stuff\".\"With Oids\" (id integer PRIMARY KEY) WITH OIDS",
                "INSERT INTO \"Old Stuff\".\"With Oids\" VALUES (1)",
                "CREATE TABLE public.stamps (id integer PRIMARY KEY, at abstime)",
                "CREATE TABLE public.handlers (id integer PRIMARY KEY, handler regproc)",
                "INSERT INTO public.handlers VALUES (1, 'pg_catalog.now')",
                "CREATE TABLE public.identifiers (name information_schema.sql_identifier)",
                "CREATE FUNCTION public.twice(bigint) RETURNS bigint LANGUAGE sql AS 'SELECT $1 * 2'",
                "CREATE OPERATOR public.## (LEFTARG = bigint, PROCEDURE = public.twice)",
                "SELECT pg_catalog.lo_create(0)");
        source.createDatabase("clean");
        source.execute("clean", "CREATE TABLE public.items (id integer PRIMARY KEY, name text NOT NULL)",
                "INSERT INTO public.items SELECT i, 'item ' || i FROM generate_series(1, 20000) i",
                "ANALYZE public.items");
        source.createDatabase("occupied");
        source.execute("occupied", "CREATE TABLE public.orders (id integer PRIMARY KEY)");
        target.createDatabase("occupied");
        target.execute("occupied", "CREATE TABLE public.leftover (id integer)");
        source.createDatabase("latin");
        target.execute("postgres", "CREATE DATABASE latin ENCODING 'LATIN1' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
        source.execute("postgres", "CREATE ROLE check_app LOGIN CREATEDB CONNECTION LIMIT 5",
                "CREATE DATABASE azure_maintenance", "CREATE DATABASE sealed ALLOW_CONNECTIONS false");
        target.execute("postgres", "CREATE ROLE check_app NOLOGIN");
    }

    @Test
    void aWithOidsTableAMissingExtensionAndANonEmptyTargetDatabaseAreErrorsWithTheirCodes() throws Exception {
        List<String> databasesBefore = targetDatabases();

        Cli.Run run = Cli.run("check", "--source", Cli.conn(source, "postgres"), "--target", Cli.conn(target, "postgres"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(12);
        assertThat(ErrorOutput.withoutWarnings(run.err())).startsWith("pgshift: check failed: ").doesNotContain("at io.pgshift");
        assertThat(run.out()).containsPattern("ERROR +PGS-TABLE-WITH-OIDS +legacy +table \"Old Stuff\".\"With Oids\"")
                .containsPattern("ERROR +PGS-EXTENSION-MISSING +legacy +extension " + missingExtension)
                .containsPattern("ERROR +PGS-TARGET-NOT-EMPTY +occupied +.*public.leftover")
                .contains("fix: run ALTER TABLE \"Old Stuff\".\"With Oids\" SET WITHOUT OIDS")
                .contains("Databases checked: clean, latin, legacy, occupied, postgres, sealed")
                .containsPattern("INFO +PGS-DATABASE-SKIPPED +template1 +source database template1 is neither checked "
                        + "nor moved: a template database, the target has its own")
                .containsPattern("INFO +PGS-DATABASE-SKIPPED +azure_maintenance +.*: the Azure service's own database")
                .containsPattern("WARNING +PGS-DATABASE-NOT-CONNECTABLE +sealed ")
                .doesNotContain(source.password()).doesNotContain(target.password());
        assertThat(targetDatabases()).isEqualTo(databasesBefore);
    }

    @Test
    void theJsonReportHoldsEveryFindingWithItsCodeSeverityDatabaseAndObjects() throws Exception {
        Cli.Run run = Cli.run("check", "--json", "--source", Cli.conn(source, "postgres"), "--target",
                Cli.conn(target, "postgres"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(12);
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.path("passed").asBoolean(true)).isFalse();
        assertThat(report.path("sourceVersion").asText()).startsWith("11.");
        assertThat(finding(report, "PGS-TABLE-WITH-OIDS", "legacy").path("objects").toString())
                .contains("table \\\"Old Stuff\\\".\\\"With Oids\\\"");
        assertThat(finding(report, "PGS-EXTENSION-MISSING", "legacy").path("objects").get(0).asText())
                .isEqualTo(missingExtension + " 1.0");
        assertThat(finding(report, "PGS-TARGET-NOT-EMPTY", "occupied").path("objects").get(0).asText())
                .isEqualTo("public.leftover");
        assertThat(finding(report, "PGS-REMOVED-TYPE-COLUMN", "legacy").path("objects").get(0).asText())
                .isEqualTo("column public.stamps.at (abstime)");
        assertThat(finding(report, "PGS-POSTFIX-OPERATOR", "legacy").path("severity").asText()).isEqualTo("ERROR");
        assertThat(finding(report, "PGS-REG-TYPE-COLUMN", "legacy").path("severity").asText()).isEqualTo("WARNING");
        assertThat(finding(report, "PGS-SQL-IDENTIFIER-COLUMN", "legacy").path("severity").asText()).isEqualTo("WARNING");
        assertThat(finding(report, "PGS-ROLE-DIFFERS", null).path("message").asText()).contains("check_app")
                .contains("LOGIN yes on the source, no on the target").contains("CONNECTION LIMIT 5 on the source");
        assertThat(finding(report, "PGS-LARGE-OBJECTS", "legacy").path("message").asText()).contains("1 large object");
        assertThat(finding(report, "PGS-TABLES-WITHOUT-PRIMARY-KEY", "legacy").path("objects").get(0).asText())
                .isEqualTo("public.identifiers");
        assertThat(finding(report, "PGS-SIZING", "clean").path("message").asText()).contains("offline dump and restore")
                .contains("estimated duration");
        assertThat(report.path("sizing")).hasSize(5);
        assertThat(finding(report, "PGS-ENCODING-DIFFERS", "latin").path("message").asText())
                .contains("the source database's encoding is UTF8, the existing target database latin uses LATIN1");
        assertThat(finding(report, "PGS-TARGET-DATABASE-EXISTS", "latin").path("severity").asText()).isEqualTo("INFO");
        assertThat(finding(report, "PGS-DATABASE-SKIPPED", "template0").path("severity").asText()).isEqualTo("INFO");
        assertThat(finding(report, "PGS-DATABASE-SKIPPED", "azure_maintenance").path("message").asText())
                .endsWith("is neither checked nor moved: the Azure service's own database");
        assertThat(report.path("throughput").path("table").asText()).isEqualTo("public.items");
        assertThat(report.path("throughput").path("bytesPerSecond").asDouble()).isPositive();
    }

    @Test
    void aCleanDatabaseHasNoErrorAndTheCheckExitsZero() {
        Cli.Run run = Cli.run("check", "--source", Cli.conn(source, "postgres"), "--target", Cli.conn(target, "clean"),
                "--exclude-databases", "latin,legacy,occupied,postgres,sealed");

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Databases checked: clean").contains("0 errors")
                .contains("PGS-SIZING").doesNotContain("ERROR  ")
                .containsPattern("INFO +PGS-DATABASE-SKIPPED +legacy +.*: left out by --exclude-databases");
    }

    @Test
    void theLibraryReportsTheSameFindingsForTheSelectedDatabasesOnly() {
        CheckReport report = Preflight.run(ConnInfo.parse(Cli.conn(source, "postgres")),
                ConnInfo.parse(Cli.conn(target, "postgres")),
                new CheckOptions(new DatabaseSelection(List.of("occupied"), List.of()), java.time.Duration.ZERO));

        assertThat(report.databases()).containsExactly("occupied");
        assertThat(report.withCode(FindingCode.TARGET_NOT_EMPTY)).hasSize(1);
        assertThat(report.withCode(FindingCode.TABLE_WITH_OIDS)).isEmpty();
        assertThat(report.throughput()).isNull();
        assertThat(report.findings().get(0).severity()).isEqualTo(Severity.ERROR);
    }

    @Test
    void theSameServerAsSourceAndTargetIsAnError() {
        Cli.Run run = Cli.run("check", "--source", Cli.conn(source, "postgres"), "--target", Cli.conn(source, "clean"));

        assertThat(run.exitCode()).isEqualTo(12);
        assertThat(run.out()).containsPattern("ERROR +PGS-SAME-SERVER");
    }

    @Test
    void aDatabaseNamedInDatabasesThatDoesNotExistIsRefused() {
        Cli.Run run = Cli.run("check", "--source", Cli.conn(source, "postgres"), "--target", Cli.conn(target, "postgres"),
                "--databases", "clean,nosuchdb");

        assertThat(run.exitCode()).isEqualTo(6);
        assertThat(run.err()).contains("nosuchdb");
    }

    private static JsonNode finding(JsonNode report, String code, String database) {
        for (JsonNode f : report.path("findings")) {
            if (f.path("code").asText().equals(code)
                    && (database == null ? f.path("database").isNull() : f.path("database").asText().equals(database))) {
                return f;
            }
        }
        throw new AssertionError("no finding " + code + " for " + database + " in " + report.path("findings"));
    }

    private static List<String> targetDatabases() throws Exception {
        List<String> names = new ArrayList<>();
        try (Connection t = target.connect("postgres");
             ResultSet rs = t.createStatement().executeQuery("SELECT datname FROM pg_database ORDER BY 1")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
