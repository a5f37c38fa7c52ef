package io.pgshift.managed;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

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
 * {@code pgshift copy} of one database into a server set up as RDS sets up its servers, as its master user: the
 * roles its objects name are not moved by a copy, so a missing one is found before anything is written.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CopyAsManagedAdminIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final ManagedServer target = ManagedServer.of(ManagedServer.Provider.RDS, "16");

    @BeforeAll
    static void fill() {
        source.execute("postgres",
                "CREATE ROLE shop_owner NOLOGIN",
                "CREATE ROLE shop_reader NOLOGIN",
                "CREATE DATABASE shop OWNER shop_owner");
        source.execute("shop",
                "CREATE SCHEMA sales AUTHORIZATION shop_owner",
                "CREATE SCHEMA stock AUTHORIZATION shop_owner",
                "CREATE SCHEMA billing AUTHORIZATION shop_owner",
                "CREATE TABLE sales.orders (id integer PRIMARY KEY, total numeric)",
                "ALTER TABLE sales.orders OWNER TO shop_owner",
                "INSERT INTO sales.orders SELECT g, g * 2.5 FROM generate_series(1, 300) g",
                "GRANT SELECT ON sales.orders TO shop_reader",
                // A child made on its own and joined to its parent later, in an order of its own.
                "CREATE TABLE stock.items (id integer, sku text)",
                "CREATE TABLE stock.perishables (expires date, sku text, id integer)",
                "ALTER TABLE stock.perishables INHERIT stock.items",
                "ALTER TABLE stock.items OWNER TO shop_owner",
                "ALTER TABLE stock.perishables OWNER TO shop_owner",
                "INSERT INTO stock.perishables VALUES ('2027-01-01', 'milk', 1)");
    }

    @Test
    @Order(1)
    void aRoleTheObjectsNameThatTheTargetLacksStopsTheCopyBeforeAnythingIsWritten() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "shop"), "--target", target.adminConn("shop"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(12);
        assertThat(run.err()).contains("shop_owner").contains("shop_reader").contains("nothing was written");
        assertThat(databaseExists("shop")).isFalse();
    }

    @Test
    @Order(2)
    void withNoOwnerTheGranteeIsStillNamedUpFrontNotAsAFailedTable() throws Exception {
        Cli.Run run = Cli.run("copy", "-O", "--source", Cli.conn(source, "shop"), "--target",
                target.adminConn("shop"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(12);
        assertThat(run.err()).contains("shop_reader").doesNotContain("shop_owner").doesNotContain("could not create");
        assertThat(databaseExists("shop")).isFalse();
    }

    @Test
    @Order(3)
    void onceTheRolesExistTheCopyKeepsOwnersAndTakesBackWhatTheAdminGrantedItself() throws Exception {
        target.executeAsAdmin("postgres", "CREATE ROLE shop_owner NOLOGIN", "CREATE ROLE shop_reader NOLOGIN");

        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "shop"), "--target", target.adminConn("shop"));

        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.err()).contains("granted itself membership (SET and INHERIT) in shop_owner");
        try (Connection t = target.connectAsSuperuser("shop")) {
            assertThat(text(t, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'shop'"))
                    .isEqualTo("shop_owner");
            assertThat(text(t, "SELECT string_agg(nspname || '=' || pg_get_userbyid(nspowner), ',' ORDER BY nspname) "
                    + "FROM pg_namespace WHERE nspname IN ('sales', 'stock', 'billing')"))
                    .isEqualTo("billing=shop_owner,sales=shop_owner,stock=shop_owner");
            assertThat(text(t, "SELECT has_table_privilege('shop_reader', 'sales.orders', 'SELECT')::text"))
                    .isEqualTo("true");
            assertThat(text(t, "SELECT pg_has_role('postgres', 'shop_owner', 'SET')::text")).isEqualTo("false");
            assertThat(text(t, "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute "
                    + "WHERE attrelid = 'stock.perishables'::regclass AND attnum > 0")).isEqualTo("expires,sku,id");
        }
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "shop"), "--target",
                target.conn(target.superuser(), target.server().password(), "shop"));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    @Order(4)
    void aDumpRestoredByTheAdminKeepsOwnersAndWithNoOwnerGivesItEverythingDatabaseIncluded(@TempDir Path dir)
            throws Exception {
        Path dump = dir.resolve("shop.dump");
        Cli.Run dumped = Cli.run("dump", "-F", "directory", "-f", dump.toString(), "--source",
                Cli.conn(source, "shop"));
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();

        Cli.Run restored = Cli.run("restore", "--target", target.adminConn("shop_restored"), dump.toString());
        Cli.Run noOwner = Cli.run("restore", "-O", "--target", target.adminConn("shop_mine"), dump.toString());

        assertThat(restored.exitCode()).as(restored.out() + restored.err()).isZero();
        assertThat(noOwner.exitCode()).as(noOwner.out() + noOwner.err()).isZero();
        try (Connection t = target.connectAsSuperuser("shop_restored")) {
            assertThat(text(t, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'shop_restored'"))
                    .isEqualTo("shop_owner");
            assertThat(text(t, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'sales.orders'::regclass"))
                    .isEqualTo("shop_owner");
            assertThat(text(t, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = 'shop_mine'"))
                    .isEqualTo(target.admin());
            assertThat(text(t, "SELECT pg_has_role('postgres', 'shop_owner', 'SET')::text")).isEqualTo("false");
            assertThat(text(t, "SELECT string_agg(attname, ',' ORDER BY attnum) FROM pg_attribute "
                    + "WHERE attrelid = 'stock.perishables'::regclass AND attnum > 0")).isEqualTo("expires,sku,id");
        }
        try (Connection t = target.connectAsSuperuser("shop_mine")) {
            assertThat(text(t, "SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'sales.orders'::regclass"))
                    .isEqualTo(target.admin());
        }
    }

    @Test
    @Order(5)
    void theAdminVerifiesTablesItDoesNotOwnAndLeavesNoMembershipBehind() throws Exception {
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "shop"), "--target", target.adminConn("shop"));

        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
        try (Connection t = target.connectAsSuperuser("shop")) {
            assertThat(text(t, "SELECT pg_has_role('postgres', 'shop_owner', 'USAGE')::text")).isEqualTo("false");
        }
    }

    @Test
    @Order(6)
    void theAdminAnalyzesTablesItDoesNotOwnInsteadOfSkippingThem() throws Exception {
        try (Connection t = target.connectAsSuperuser("shop"); Statement st = t.createStatement()) {
            st.execute("DELETE FROM pg_statistic WHERE starelid = 'sales.orders'::regclass");
        }

        Cli.Run analyze = Cli.run("analyze", "--target", target.adminConn("shop"));

        assertThat(analyze.exitCode()).as(analyze.out() + analyze.err()).isZero();
        assertThat(analyze.out() + analyze.err()).doesNotContain("skipping");
        try (Connection t = target.connectAsSuperuser("shop")) {
            assertThat(text(t, "SELECT count(*) > 0 FROM pg_stats WHERE schemaname = 'sales' AND tablename = 'orders'"))
                    .isEqualTo("t");
            assertThat(text(t, "SELECT pg_has_role('postgres', 'shop_owner', 'USAGE')::text")).isEqualTo("false");
        }
    }

    private static boolean databaseExists(String name) throws Exception {
        try (Connection t = target.connectAsSuperuser("postgres")) {
            return "1".equals(text(t, "SELECT count(*) FROM pg_database WHERE datname = '" + name + "'"));
        }
    }
}
