package io.pgshift.verify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ErrorOutput;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `pgshift verify` over every database of a server, from the oldest supported source, whose sequences have no
 * catalog of their own and whose tables can only be cut by key. The tests run in order: the target is changed
 * step by step.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyWholeServerFrom96To17IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("9.6");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void copyEveryDatabase() {
        source.createDatabase("app1");
        source.execute("app1",
                "CREATE TABLE accounts (id serial PRIMARY KEY, owner text NOT NULL, balance numeric(12, 2))",
                "INSERT INTO accounts (owner, balance) SELECT 'owner ' || g, g * 1.5 FROM generate_series(1, 20000) g",
                "CREATE SEQUENCE tickets START 100",
                "SELECT nextval('tickets'), nextval('tickets')",
                "SELECT lo_from_bytea(72001, 'a large object')");
        source.createDatabase("app2");
        source.execute("app2", "CREATE TABLE notes (body text)", "INSERT INTO notes VALUES ('one'), ('two'), ('two')");
        for (String db : new String[] {"app1", "app2", "postgres"}) {
            Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, db), "--target", Cli.conn(target, db));
            assertThat(run.exitCode()).as(run.err()).isZero();
        }
    }

    @Test
    @Order(1)
    void withoutADatabaseNameEveryDatabaseButTheTemplatesIsVerified() {
        Cli.Run run = verify("--split-tables-larger-than", "8kB");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Database app1: equal (every object, 1 table with 20,000 rows, 2 sequences and 1 large object)")
                .contains("Database app2: equal (every object, 1 table with 3 rows, 0 sequences and 0 large objects)")
                .contains("Database postgres: equal")
                .contains("The target equals the source: 3 databases, 20,003 rows.")
                .doesNotContain("template");
    }

    @Test
    @Order(2)
    void theJsonReportHoldsEveryDatabaseWithItsTablesSequencesAndVerdict() throws Exception {
        Cli.Run run = verify("--json", "--databases", "app1", "--split-tables-larger-than", "8kB",
                "--split-max-parts", "3");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(run.out());
        assertThat(report.get("passed").asBoolean()).isTrue();
        assertThat(report.get("databases")).hasSize(1);
        JsonNode app1 = report.get("databases").get(0);
        assertThat(app1.get("database").asText()).isEqualTo("app1");
        assertThat(app1.get("passed").asBoolean()).isTrue();
        JsonNode accounts = app1.get("tables").get(0);
        assertThat(accounts.get("source").get("rows").asLong()).isEqualTo(20000);
        assertThat(accounts.get("source").get("hash").asText()).isEqualTo(accounts.get("target").get("hash").asText());
        assertThat(accounts.get("sourceRanges").asInt()).as("9.6 cuts by the serial key").isEqualTo(3);
        assertThat(accounts.get("targetRanges").asInt()).as("17 cuts by ctid").isEqualTo(3);
        JsonNode tickets = null;
        for (JsonNode s : app1.get("sequences")) {
            if (s.get("sequence").asText().equals("public.tickets")) {
                tickets = s;
            }
        }
        assertThat(tickets).as(app1.toString()).isNotNull();
        assertThat(tickets.get("source").get("lastValue").asLong()).isEqualTo(101);
        assertThat(app1.get("largeObjects").get("sourceCount").asLong()).isEqualTo(1);
        assertThat(run.out()).doesNotContain(source.password());
    }

    @Test
    @Order(3)
    void aDatabaseOnlyOnTheTargetIsADifferenceUnlessLeftOut() {
        target.createDatabase("extra");

        Cli.Run failed = verify();
        assertThat(failed.exitCode()).isEqualTo(10);
        assertThat(failed.out()).contains("DATABASE extra: only on the target");
        assertThat(failed.err()).contains("1 difference: 1 database on one server only");

        Cli.Run passed = verify("--exclude-databases", "extra");
        assertThat(passed.exitCode()).as(passed.out() + passed.err()).isZero();
    }

    @Test
    @Order(4)
    void aMissingDatabaseAndADamagedOneAreNamed() {
        target.execute("postgres", "DROP DATABASE app2");
        target.execute("app1", "DELETE FROM accounts WHERE id = 10000", "SELECT nextval('tickets')");

        Cli.Run failed = verify("--exclude-databases", "extra", "--jobs", "1");
        assertThat(failed.exitCode()).isEqualTo(10);
        assertThat(failed.out())
                .contains("Database app1: 2 differences")
                .contains("  TABLE DATA public.accounts: 20,000 rows on the source, 19,999 on the target")
                .contains("  SEQUENCE public.tickets: at last_value 101 (called) on the source, last_value 102 (called)")
                .contains("Database postgres: equal")
                .contains("DATABASE app2: missing on the target");
        assertThat(ErrorOutput.withoutWarnings(failed.err())).startsWith("pgshift: verification failed: 3 differences: in database app1; "
                + "1 database on one server only");

        Cli.Run onlyPostgres = verify("--databases", "postgres");
        assertThat(onlyPostgres.exitCode()).as(onlyPostgres.out() + onlyPostgres.err()).isZero();
    }

    @Test
    @Order(5)
    void choosingDatabasesNeedsServerConnectionsAndNamesThatExist() {
        Cli.Run named = Cli.run("verify", "--source", Cli.conn(source, "app1"), "--target", Cli.conn(target, "app1"),
                "--databases", "app1");
        assertThat(named.exitCode()).isEqualTo(2);
        assertThat(named.err()).contains("leave the database name out");

        Cli.Run unknown = verify("--databases", "nosuch");
        assertThat(unknown.exitCode()).isEqualTo(6);
        assertThat(unknown.err()).contains("\"nosuch\" does not exist on the source");
    }

    @Test
    @Order(6)
    void theRolesAreComparedByAttributesMembershipsSettingsAndPassword() {
        source.execute("postgres", "CREATE ROLE auditors NOLOGIN",
                "CREATE ROLE ann LOGIN PASSWORD 'ann-secret' CONNECTION LIMIT 3 IN ROLE auditors",
                "ALTER ROLE ann SET work_mem = '8MB'", "CREATE ROLE bob LOGIN");
        target.execute("postgres", "CREATE ROLE auditors NOLOGIN", "CREATE ROLE ann LOGIN CONNECTION LIMIT 3",
                "CREATE ROLE target_only LOGIN");

        Cli.Run run = verify("--exclude-databases", "extra");

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(10);
        assertThat(run.out()).contains("ROLE ann: defined differently")
                .contains("a password; SET work_mem=8MB; member of auditors")
                .contains("ROLE bob: missing on the target")
                .doesNotContain("ROLE auditors").doesNotContain("target_only").doesNotContain("ann-secret")
                .contains("Not compared: roles only the target holds.");
        assertThat(run.err()).contains("2 roles");

        target.execute("postgres", "ALTER ROLE ann PASSWORD 'other-secret'",
                "GRANT auditors TO ann", "ALTER ROLE ann SET work_mem = '8MB'", "CREATE ROLE bob LOGIN");
        Cli.Run again = verify("--exclude-databases", "extra");
        assertThat(again.out()).doesNotContain("ROLE ann").doesNotContain("ROLE bob");
    }

    private static Cli.Run verify(String... options) {
        String[] args = new String[4 + options.length];
        args[0] = "verify";
        args[1] = "--source=" + server(source);
        args[2] = "--target=" + server(target);
        args[3] = "--verbose";
        System.arraycopy(options, 0, args, 4, options.length);
        return Cli.run(args);
    }

    /** A connection string to the server, without a database name. */
    private static String server(PostgresServer server) {
        return "host=" + server.host() + " port=" + server.port() + " user=" + server.superuser() + " password='"
                + server.password() + "' sslmode=disable";
    }
}
