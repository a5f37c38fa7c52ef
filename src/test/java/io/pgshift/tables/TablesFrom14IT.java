package io.pgshift.tables;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables, partitions, constraints and indexes of a PostgreSQL 14 database, and of a 15 one, copied into 15. */
class TablesFrom14IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @BeforeAll
    static void createSource() throws Exception {
        TableTorture.load(source, "tables");
        TableTorture.roles(target);
    }

    @Test
    void everyTableArrivesWithTheSameSchemaAndRows() throws Exception {
        Cli.Run run = Cli.run("copy", "-j", "2", "--source", Cli.conn(source, "tables"), "--target",
                Cli.conn(target, "tables"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        TableTorture.assertSameSchema(source, "tables", target, "tables");
        TableTorture.assertSameContent(source, "tables", target, "tables");
    }

    /** pg_dump 15 cannot dump a newer server, so 15's own features are copied from 15 to 15. */
    @Test
    void nullsNotDistinctKeysAndIndexesArriveFromA15Source() throws Exception {
        TableTorture.load(target, "tables15");

        Cli.Run run = Cli.run("copy", "--source", Cli.conn(target, "tables15"), "--target",
                Cli.conn(target, "tables15_copy"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        TableTorture.assertSameSchema(target, "tables15", target, "tables15_copy");
        TableTorture.assertSameContent(target, "tables15", target, "tables15_copy");
    }
}
