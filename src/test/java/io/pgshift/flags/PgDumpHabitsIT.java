package io.pgshift.flags;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PostgresServer;

/**
 * pg_dump's and pg_restore's habits of issue 14, each against a real server: the flags that leave kinds of
 * objects out, --disable-triggers on data-only work, --role, --lock-wait-timeout, --strict-names, and verify's exit
 * code for a source it cannot read. One PostgreSQL 17 server is source and target, in databases of its own.
 */
class PgDumpHabitsIT {
    private static final String PSQL = "/usr/lib/postgresql/15/bin/psql";
    private static final String LOADER_PASSWORD = "Loader-Secret-3";

    @RegisterExtension
    static final PostgresServer server = PostgresServer.version("17");

    @TempDir
    static Path work;

    @BeforeAll
    static void aShopWithCommentsPublicationsASubscriptionAndATriggerThatRefusesRows() {
        server.execute("postgres",
                "CREATE ROLE app_owner NOLOGIN",
                "CREATE ROLE loader LOGIN NOINHERIT PASSWORD '" + LOADER_PASSWORD + "' IN ROLE app_owner",
                "CREATE ROLE app_owner_copy NOLOGIN");
        server.createDatabase("shop");
        server.execute("shop",
                "CREATE TABLE public.customers (id integer PRIMARY KEY, name text NOT NULL)",
                "CREATE TABLE public.orders (id integer PRIMARY KEY, customer integer NOT NULL "
                        + "REFERENCES public.customers, total numeric NOT NULL)",
                "INSERT INTO public.customers SELECT g, 'customer ' || g FROM generate_series(1, 50) g",
                "INSERT INTO public.orders SELECT g, 1 + g % 50, g * 1.5 FROM generate_series(1, 200) g",
                "COMMENT ON TABLE public.orders IS 'what was sold'",
                "COMMENT ON COLUMN public.customers.name IS 'as on the invoice'",
                "COMMENT ON DATABASE shop IS 'the shop'",
                "CREATE PUBLICATION orders_pub FOR TABLE public.orders",
                "CREATE SUBSCRIPTION elsewhere CONNECTION 'host=nowhere.invalid dbname=x' PUBLICATION p "
                        + "WITH (connect = false, slot_name = NONE, enabled = false)",
                // Rows that arrive while the trigger is on are refused: only a load with triggers off gets them in.
                "CREATE FUNCTION public.refuse() RETURNS trigger LANGUAGE plpgsql AS "
                        + "$$BEGIN RAISE EXCEPTION 'rows are only written by the application'; END$$",
                "CREATE TABLE public.audit (id integer PRIMARY KEY, what text)",
                "INSERT INTO public.audit SELECT g, 'entry ' || g FROM generate_series(1, 10) g",
                "CREATE TRIGGER no_inserts BEFORE INSERT ON public.audit FOR EACH ROW EXECUTE FUNCTION public.refuse()",
                "CREATE TABLE public.owned (id integer PRIMARY KEY)",
                "INSERT INTO public.owned SELECT generate_series(1, 5)",
                "REVOKE ALL ON public.owned FROM PUBLIC",
                "ALTER TABLE public.owned OWNER TO app_owner");
    }

    @Test
    void copyLeavesOutCommentsPublicationsAndSubscriptionsWhenAsked() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(server, "shop"), "--target", Cli.conn(server, "bare"),
                "--no-comments", "--no-publications", "--no-subscriptions", "--no-analyze");
        assertThat(run.exitCode()).as(run.err()).isZero();

        assertThat(values("bare", "SELECT count(*) FROM pg_catalog.pg_description d "
                + "JOIN pg_catalog.pg_class c ON c.oid = d.objoid WHERE c.relnamespace = 'public'::regnamespace"))
                .containsExactly("0");
        assertThat(values("bare", "SELECT pg_catalog.shobj_description(oid, 'pg_database') FROM pg_catalog.pg_database "
                + "WHERE datname = 'bare'")).containsExactly((String) null);
        assertThat(values("bare", "SELECT count(*) FROM pg_catalog.pg_publication")).containsExactly("0");
        assertThat(values("bare", "SELECT count(*) FROM pg_catalog.pg_subscription s JOIN pg_catalog.pg_database d "
                + "ON d.oid = s.subdbid WHERE d.datname = 'bare'")).containsExactly("0");
        assertThat(values("bare", "SELECT count(*) FROM public.orders")).containsExactly("200");
    }

    @Test
    void aDumpAndARestoreLeaveOutWhatTheyAreToldAndKeepTheRest() throws Exception {
        Path plain = work.resolve("no-comments.sql");
        Cli.Run dumped = Cli.run("dump", "--source", Cli.conn(server, "shop"), "-F", "plain", "-f", plain.toString(),
                "--no-comments", "--no-publications");
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        String script = Files.readString(plain);
        assertThat(script).doesNotContain("COMMENT ON").doesNotContain("CREATE PUBLICATION")
                .contains("CREATE SUBSCRIPTION");

        Path archive = work.resolve("everything.archive");
        assertThat(Cli.run("dump", "--source", Cli.conn(server, "shop"), "-F", "archive", "-f", archive.toString())
                .exitCode()).isZero();
        Cli.Run restored = Cli.run("restore", "--target", Cli.conn(server, "restored_without"), "--no-comments",
                "--no-subscriptions", archive.toString());
        assertThat(restored.exitCode()).as(restored.err()).isZero();
        assertThat(values("restored_without", "SELECT count(*) FROM pg_catalog.pg_description d "
                + "JOIN pg_catalog.pg_class c ON c.oid = d.objoid WHERE c.relnamespace = 'public'::regnamespace"))
                .containsExactly("0");
        assertThat(values("restored_without", "SELECT pubname FROM pg_catalog.pg_publication"))
                .containsExactly("orders_pub");
        assertThat(values("restored_without", "SELECT count(*) FROM pg_catalog.pg_subscription s "
                + "JOIN pg_catalog.pg_database d ON d.oid = s.subdbid WHERE d.datname = 'restored_without'"))
                .containsExactly("0");
    }

    @Test
    void aPlainDumpWithoutDashFGoesToStandardOutputAsPgDumpsDoes() throws Exception {
        Launcher.Run run = Launcher.run(work, java.util.Map.of(), "dump", "-F", "plain", "--source",
                Cli.conn(server, "shop"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("CREATE TABLE public.customers").contains("COPY public.orders")
                .endsWith(io.pgshift.archive.PlainScript.COMPLETE + "\n");
    }

    @Test
    void aRestoreOfAnArchiveFileSaysWhatEachTableHeld() throws Exception {
        Path archive = work.resolve("shop.archive");
        Cli.Run dumped = Cli.run("dump", "-F", "archive", "-f", archive.toString(), "--source", Cli.conn(server, "shop"));
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();

        Cli.Run restored = Cli.run("restore", "--target", Cli.conn(server, "shop_from_archive"), archive.toString());

        assertThat(restored.exitCode()).as(restored.err()).isZero();
        List<String> tables = restored.err().lines().filter(l -> l.contains("data: public.")).toList();
        assertThat(tables).as(restored.err()).anySatisfy(l -> assertThat(l).contains("public.orders: 200 rows, "))
                .noneSatisfy(l -> assertThat(l).contains(" 0 B"));
    }

    @Test
    void aDataOnlyPlainScriptWithDisableTriggersReplaysPastATriggerThatRefusesRows() throws Exception {
        String db = "triggers_plain";
        schemaOnlyCopy(db);
        Path script = work.resolve("data-only.sql");
        Cli.Run dumped = Cli.run("dump", "--source", Cli.conn(server, "shop"), "-a", "--disable-triggers", "-F",
                "plain", "-f", script.toString());
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
        assertThat(Files.readString(script)).contains("ALTER TABLE public.audit DISABLE TRIGGER ALL;\nCOPY ",
                "\\.\nALTER TABLE public.audit ENABLE TRIGGER ALL;\n");

        psql(db, script);
        assertThat(values(db, "SELECT count(*) FROM public.audit")).containsExactly("10");
        assertThat(values(db, "SELECT count(*) FROM public.orders")).containsExactly("200");
        assertThat(values(db, "SELECT DISTINCT tgenabled::text FROM pg_catalog.pg_trigger "
                + "WHERE tgrelid = 'public.audit'::regclass")).containsExactly("O");
    }

    @Test
    void aDataOnlyRestoreWithDisableTriggersLoadsPastATriggerThatRefusesRowsAndTurnsItBackOn() throws Exception {
        Path dump = work.resolve("for-data-only.dir");
        assertThat(Cli.run("dump", "--source", Cli.conn(server, "shop"), "-f", dump.toString()).exitCode()).isZero();

        String refused = "triggers_on";
        schemaOnlyCopy(refused);
        Cli.Run withTriggers = Cli.run("restore", "-a", "-t", "public.audit", "--target", Cli.conn(server, refused),
                dump.toString());
        assertThat(withTriggers.exitCode()).isEqualTo(9);
        assertThat(withTriggers.err()).contains("rows are only written by the application");

        String db = "triggers_off";
        schemaOnlyCopy(db);
        Cli.Run run = Cli.run("restore", "-a", "--disable-triggers", "--target", Cli.conn(server, db),
                dump.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(values(db, "SELECT count(*) FROM public.audit")).containsExactly("10");
        assertThat(values(db, "SELECT DISTINCT tgenabled::text FROM pg_catalog.pg_trigger "
                + "WHERE tgrelid IN ('public.audit'::regclass, 'public.orders'::regclass)")).containsExactly("O");
    }

    @Test
    void restoreWithRoleCreatesEverythingAsThatRoleInEverySession() throws Exception {
        Path dump = work.resolve("for-role.dir");
        assertThat(Cli.run("dump", "--source", Cli.conn(server, "shop"), "-f", dump.toString(), "-t", "public.customers")
                .exitCode()).isZero();
        server.execute("postgres", "CREATE DATABASE as_role OWNER app_owner");

        Cli.Run run = Cli.run("restore", "-j", "2", "-O", "--role", "app_owner", "--target", loader("as_role"),
                dump.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(values("as_role", "SELECT relowner::regrole::text FROM pg_catalog.pg_class "
                + "WHERE oid IN ('public.customers'::regclass, 'public.customers_pkey'::regclass)"))
                .containsOnly("app_owner");
        assertThat(values("as_role", "SELECT count(*) FROM public.customers")).containsExactly("50");
    }

    @Test
    void dumpWithRoleReadsWhatOnlyTheRoleMayRead() throws Exception {
        Path script = work.resolve("owned.sql");
        Cli.Run refused = Cli.run("dump", "--source", loader("shop"), "-t", "public.owned", "-F", "plain", "-f",
                work.resolve("refused.sql").toString());
        assertThat(refused.exitCode()).as(refused.err()).isNotZero();

        Cli.Run run = Cli.run("dump", "--source", loader("shop"), "--role", "app_owner", "-t", "public.owned", "-F",
                "plain", "-f", script.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(Files.readString(script)).contains("COPY public.owned");
    }

    @Test
    void aRoleTheUserMayNotTakeIsRefusedAtLoginWithExitCode4() {
        Cli.Run run = Cli.run("dump", "--source", loader("shop"), "--role", "app_owner_copy", "-F", "plain", "-f",
                work.resolve("never.sql").toString());
        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("user \"loader\" cannot act as role \"app_owner_copy\" (--role)")
                .doesNotContain(LOADER_PASSWORD);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aLockWaitTimeoutStopsADumpAndACopyBehindAnotherSessionsLockWithExitCode14() throws Exception {
        try (Connection holder = server.connect("shop"); Statement st = holder.createStatement()) {
            holder.setAutoCommit(false);
            st.execute("LOCK TABLE public.orders IN ACCESS EXCLUSIVE MODE");

            Cli.Run dump = Cli.run("dump", "--source", Cli.conn(server, "shop"), "--lock-wait-timeout=1s", "-F",
                    "plain", "-f", work.resolve("locked.sql").toString());
            assertThat(dump.exitCode()).as(dump.err()).isEqualTo(14);
            assertThat(dump.err()).contains("lock timeout").contains("--lock-wait-timeout");
            assertThat(work.resolve("locked.sql")).doesNotExist();

            Cli.Run copy = Cli.run("copy", "--source", Cli.conn(server, "shop"), "--target",
                    Cli.conn(server, "locked_copy"), "--lock-wait-timeout", "1000");
            assertThat(copy.exitCode()).as(copy.err()).isEqualTo(14);
            assertThat(copy.err()).contains("lock timeout");
            holder.rollback();
        }
    }

    @Test
    void strictNamesIsAcceptedAndEachPatternMustMatch() {
        Cli.Run run = Cli.run("dump", "--source", Cli.conn(server, "shop"), "--strict-names", "-t", "public.orders",
                "-t", "public.nosuch", "-F", "plain", "-f", work.resolve("strict.sql").toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("-t public.nosuch matches no table").doesNotContain("public.orders matches");
    }

    @Test
    void verifyExitsWith14WhenTheSourceCannotBeRead() {
        server.execute("postgres", "CREATE ROLE auditor LOGIN PASSWORD 'Auditor-Secret-5'");
        server.execute("shop", "GRANT SELECT ON public.customers, public.orders, public.audit TO auditor");
        Cli.Run copied = Cli.run("copy", "--source", Cli.conn(server, "shop"), "--target", Cli.conn(server, "checked"),
                "--no-analyze");
        assertThat(copied.exitCode()).as(copied.err()).isZero();

        Cli.Run run = Cli.run("verify", "--source", "host=" + server.host() + " port=" + server.port()
                + " user=auditor password=Auditor-Secret-5 dbname=shop sslmode=disable", "--target",
                Cli.conn(server, "checked"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(14);
        assertThat(run.err()).contains("on the source").contains("owned");
    }

    private static String loader(String db) {
        return "host=" + server.host() + " port=" + server.port() + " user=loader password=" + LOADER_PASSWORD
                + " dbname=" + db + " sslmode=disable";
    }

    /** A database with the shop's definitions and no rows. */
    private static void schemaOnlyCopy(String db) {
        Cli.Run run = Cli.run("copy", "-s", "--source", Cli.conn(server, "shop"), "--target", Cli.conn(server, db));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    private static void psql(String db, Path script) throws Exception {
        Path pgpass = work.resolve("psql.pgpass");
        Files.writeString(pgpass, server.host() + ":" + server.port() + ":*:" + server.superuser() + ":"
                + server.password() + "\n");
        Files.setPosixFilePermissions(pgpass, PosixFilePermissions.fromString("rw-------"));
        ProcessBuilder pb = new ProcessBuilder(PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", server.host(), "-p",
                String.valueOf(server.port()), "-U", server.superuser(), "-d", db, "-f", script.toString());
        pb.environment().keySet().removeIf(k -> k.startsWith("PG"));
        pb.environment().put("PGPASSFILE", pgpass.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(output).isZero();
    }

    private static List<String> values(String db, String query) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = server.connect(db); ResultSet rs = c.createStatement().executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
