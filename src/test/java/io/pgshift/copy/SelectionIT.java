package io.pgshift.copy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** pg_dump's selection options: -n, -N, -t, -T and --exclude-table-data, on copy and dump. */
class SelectionIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @TempDir
    static Path temp;

    @BeforeAll
    static void createTheShop() throws Exception {
        source.createDatabase("shop");
        source.execute("shop", CopyFrom12To17IT.resource("/io/pgshift/demo/shop.sql"));
    }

    @Test
    void excludingASchemaLeavesOutItsTablesAndTheKeysThatPointOutOfIt() throws Exception {
        Cli.Run run = Cli.run("copy", "-N", "sales", "--source", Cli.conn(source, "shop"), "--target",
                Cli.conn(target, "no_sales"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(relations("no_sales")).contains("public.customers", "public.products", "public.page_views")
                .noneMatch(r -> r.startsWith("sales."));
        assertThat(count("no_sales", "public.customers")).isEqualTo(20000);
    }

    @Test
    void selectedTablesComeWithTheirKeysAndExcludedDataLeavesThemEmpty() throws Exception {
        Cli.Run run = Cli.run("copy", "-t", "public.c*", "-t", "products", "--exclude-table-data", "Customers",
                "--exclude-table-data", "\"products\"", "--source", Cli.conn(source, "shop"), "--target",
                Cli.conn(target, "two_tables"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(relations("two_tables")).contains("public.customers", "public.products", "public.customers_pkey",
                "public.customers_email_key").noneMatch(r -> r.equals("public.page_views") || r.startsWith("sales."));
        assertThat(count("two_tables", "public.customers")).as("Customers folds to customers").isZero();
        assertThat(count("two_tables", "public.products")).isZero();
    }

    @Test
    void aTableOrSchemaNameThatMatchesNothingStopsCopyAndDumpBeforeAnythingIsWritten() throws Exception {
        Cli.Run copy = Cli.run("copy", "-t", "public.custmers", "-n", "public", "--source", Cli.conn(source, "shop"),
                "--target", Cli.conn(target, "misspelt"));
        Cli.Run dump = Cli.run("dump", "-n", "sails", "--source", Cli.conn(source, "shop"), "-F", "plain", "-f",
                temp.resolve("misspelt.sql").toString());

        assertThat(copy.exitCode()).isEqualTo(2);
        assertThat(copy.err()).contains("-t public.custmers matches no table, view, sequence or foreign table of the "
                + "source; nothing was written");
        assertThat(dump.exitCode()).isEqualTo(2);
        assertThat(dump.err()).contains("-n sails matches no schema");
        assertThat(Files.exists(temp.resolve("misspelt.sql"))).isFalse();
        try (var c = target.connect("postgres"); var st = c.createStatement();
             var rs = st.executeQuery("SELECT count(*) FROM pg_database WHERE datname = 'misspelt'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void aPlainDumpLeavesOutExcludedTables() throws Exception {
        Path script = temp.resolve("shop.sql");
        Cli.Run run = Cli.run("dump", "-F", "plain", "-T", "public.page_views", "--source", Cli.conn(source, "shop"),
                "-f", script.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String sql = Files.readString(script);
        assertThat(sql).contains("CREATE TABLE public.customers").doesNotContain("page_views");
    }

    @Test
    void excludingViewsKeepsAForeignTableWithItsCommentAndGrantsAndTExcludesOneByName() throws Exception {
        source.createDatabase("foreign_shop");
        source.execute("foreign_shop", "CREATE ROLE foreign_reader", "CREATE SCHEMA test",
                "CREATE EXTENSION postgres_fdw", "CREATE SERVER elsewhere FOREIGN DATA WRAPPER postgres_fdw",
                "CREATE FOREIGN TABLE test.projects_dump (id integer) SERVER elsewhere",
                "COMMENT ON FOREIGN TABLE test.projects_dump IS 'kept'",
                "GRANT SELECT ON test.projects_dump TO foreign_reader",
                "CREATE FOREIGN TABLE test.left_out (id integer) SERVER elsewhere",
                "CREATE VIEW test.v1 AS SELECT 1 AS x", "CREATE VIEW test.v2 AS SELECT x FROM test.v1");
        target.execute("postgres", "CREATE ROLE foreign_reader");

        Cli.Run run = Cli.run("copy", "-T", "test.v1", "-T", "test.v2", "-T", "test.left_out",
                "--source", Cli.conn(source, "foreign_shop"), "--target", Cli.conn(target, "foreign_shop"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Connection c = target.connect("foreign_shop"); ResultSet rs = c.createStatement().executeQuery(
                "SELECT relname || ' ' || relkind::text || ' ' || COALESCE(obj_description(oid, 'pg_class'), '-') || ' '"
                        + " || array_to_string(relacl, ',') FROM pg_class"
                        + " WHERE relnamespace = 'test'::regnamespace ORDER BY relname")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("projects_dump f kept ").contains("foreign_reader=r/");
            assertThat(rs.next()).as("the views and the excluded foreign table stay behind").isFalse();
        }
    }

    private static java.util.List<String> relations(String db) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection c = target.connect(db); ResultSet rs = c.createStatement().executeQuery(
                "SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                        + "WHERE n.nspname IN ('public', 'sales')")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static long count(String db, String table) throws Exception {
        try (Connection c = target.connect(db); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
