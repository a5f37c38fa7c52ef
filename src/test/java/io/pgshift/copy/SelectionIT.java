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
    void aPlainDumpLeavesOutExcludedTables() throws Exception {
        Path script = temp.resolve("shop.sql");
        Cli.Run run = Cli.run("dump", "-F", "plain", "-T", "public.page_views", "--source", Cli.conn(source, "shop"),
                "-f", script.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String sql = Files.readString(script);
        assertThat(sql).contains("CREATE TABLE public.customers").doesNotContain("page_views");
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
