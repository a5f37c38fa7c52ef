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
