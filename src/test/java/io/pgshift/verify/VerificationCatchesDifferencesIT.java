package io.pgshift.verify;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.copy.CopyFrom12To17IT;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** A verification that cannot fail is not one: each kind of damage to a faithful copy is found and named. */
class VerificationCatchesDifferencesIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void copyTheShop() throws Exception {
        source.execute("postgres", "CREATE ROLE app_reader");
        target.execute("postgres", "CREATE ROLE app_reader");
        source.createDatabase("shop");
        source.execute("shop", CopyFrom12To17IT.resource("/io/pgshift/demo/shop.sql"),
                "GRANT SELECT ON sales.orders TO app_reader");
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "shop"), "--target", Cli.conn(target, "shop"));
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    @Test
    void aFaithfulCopyShowsNoDifference() throws Exception {
        try (Connection s = source.connect("shop"); Connection t = target.connect("shop")) {
            assertThat(SchemaComparison.compare(s, t)).isEmpty();
            assertThat(TableVerifier.compare(s, t)).allMatch(TableCheck::matches);
        }
    }

    @Test
    void theVerifyCommandPassesAFaithfulCopyAndFailsADamagedOneWithExitCode10() throws Exception {
        Cli.Run passed = Cli.run("verify", "--source", Cli.conn(source, "shop"), "--target", Cli.conn(target, "shop"));
        assertThat(passed.exitCode()).as(passed.err()).isZero();
        assertThat(passed.out()).contains("The target equals the source");

        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(source, "shop"), "--target", Cli.conn(target, "damaged"));
        assertThat(copy.exitCode()).as(copy.err()).isZero();
        target.execute("damaged", "UPDATE public.customers SET name = 'someone else' WHERE id = 7",
                "DROP INDEX sales.order_items_product_idx");

        Cli.Run failed = Cli.run("verify", "--source", Cli.conn(source, "shop"), "--target", Cli.conn(target, "damaged"));
        assertThat(failed.exitCode()).isEqualTo(10);
        assertThat(failed.out()).contains("INDEX sales.order_items_product_idx: missing on the target")
                .contains("TABLE DATA public.customers: 20,000 rows on the source, 20,000 on the target, with different contents");
        assertThat(failed.err()).startsWith("pgshift: verification failed: 1 objects and 1 tables differ");
    }

    @Test
    void aDeletedRowAndAChangedValueAreFoundInTheirTables() throws Exception {
        target.createDatabase("rows");
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "shop"), "--target", Cli.conn(target, "rows"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        target.execute("rows", "DELETE FROM sales.order_items WHERE order_id = 17 AND line = 1",
                "UPDATE public.products SET price = price + 0.01 WHERE id = 42");

        try (Connection s = source.connect("shop"); Connection t = target.connect("rows")) {
            List<TableCheck> checks = TableVerifier.compare(s, t);
            assertThat(checks).filteredOn(c -> !c.matches()).extracting(TableCheck::table)
                    .containsExactlyInAnyOrder("sales.order_items", "public.products");
            TableCheck products = checks.stream().filter(c -> c.table().equals("public.products")).findFirst()
                    .orElseThrow();
            assertThat(products.target().rows()).as("same count, different content").isEqualTo(products.source().rows());
        }
    }

    @Test
    void aMissingIndexAndAMissingGrantAreFoundByName() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "shop"), "--target", Cli.conn(target, "schema"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        target.execute("schema", "DROP INDEX sales.orders_customer_idx", "REVOKE SELECT ON sales.orders FROM app_reader");

        try (Connection s = source.connect("shop"); Connection t = target.connect("schema")) {
            List<SchemaDifference> differences = SchemaComparison.compare(s, t);
            assertThat(differences).extracting(SchemaDifference::describe)
                    .anySatisfy(d -> assertThat(d).startsWith("INDEX sales.orders_customer_idx: missing on the target"))
                    .anySatisfy(d -> assertThat(d).startsWith("TABLE sales.orders: defined differently")
                            .contains("GRANT SELECT ON TABLE sales.orders TO app_reader"));
        }
    }
}
