package io.pgshift.tables;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables of a PostgreSQL 18 database, whose NOT NULL constraints are catalog rows with names, copied into
 * another database of the same server: the catalogs are compared, NOT NULL constraints included.
 */
class TablesFrom18IT {
    @RegisterExtension
    static final PostgresServer server = PostgresServer.version("18");

    @BeforeAll
    static void createSource() throws Exception {
        TableTorture.load(server, "tables");
    }

    @Test
    void notNullConstraintsKeepTheirNamesInheritanceAndValidityWithoutBeingDuplicated() throws Exception {
        Cli.Run run = Cli.run("copy", "-j", "2", "--source", Cli.conn(server, "tables"), "--target",
                Cli.conn(server, "tables_copy"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        TableTorture.assertSameStructure(server, "tables", server, "tables_copy");
        TableTorture.assertSameContent(server, "tables", server, "tables_copy");
    }
}
