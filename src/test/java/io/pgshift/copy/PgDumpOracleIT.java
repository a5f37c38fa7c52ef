package io.pgshift.copy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Copies 12 -> 15 and asks pg_dump 15 whether source and target schemas are the same. */
class PgDumpOracleIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @BeforeAll
    static void createSourceDatabases() throws Exception {
        assertThat(PgDumpOracle.available()).as("postgresql-client-15 is installed (.ci/run installs it)").isTrue();
        source.createDatabase("shop");
        source.execute("shop", CopyFrom12To17IT.resource("/io/pgshift/demo/shop.sql"));
        source.execute("shop", "CREATE ROLE app_reader", "GRANT USAGE ON SCHEMA sales TO app_reader",
                "GRANT SELECT ON sales.orders TO app_reader", "GRANT SELECT (id, name) ON public.customers TO app_reader",
                "REVOKE ALL ON public.page_views FROM PUBLIC");
        target.execute("postgres", "CREATE ROLE app_reader");
    }

    @Test
    void theShopSchemaDumpsIdenticallyOnSourceAndTarget() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "shop"), "--target", Cli.conn(target, "shop"));
        assertThat(run.exitCode()).as(run.err()).isZero();

        String expected = PgDumpOracle.schema(source, "shop");
        String actual = PgDumpOracle.schema(target, "shop");

        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
    }
}
