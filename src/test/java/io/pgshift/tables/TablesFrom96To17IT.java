package io.pgshift.tables;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Tables of a PostgreSQL 9.6 database copied into 17, which pg_dump 15 cannot dump: the catalogs are compared. */
class TablesFrom96To17IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("9.6");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void createSource() throws Exception {
        TableTorture.load(source, "tables");
        TableTorture.roles(target);
    }

    @Test
    void everyTableColumnConstraintAndIndexArrivesWithTheSameRows() throws Exception {
        Cli.Run run = Cli.run("copy", "-j", "2", "--source", Cli.conn(source, "tables"), "--target",
                Cli.conn(target, "tables"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        TableTorture.assertSameStructure(source, "tables", target, "tables");
        TableTorture.assertSameContent(source, "tables", target, "tables");
    }
}
