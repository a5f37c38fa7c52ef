package io.pgshift.copy;

import java.sql.Connection;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** `pgshift copy` from the oldest supported source, PostgreSQL 9.6, into 17. */
class CopyFrom96To17IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("9.6");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void createSourceDatabases() throws Exception {
        source.createDatabase("bench");
        source.execute("bench", CopyFrom12To17IT.fixture("pgbench.sql"));
        source.createDatabase("legacy");
        source.execute("legacy", CopyFrom12To17IT.fixture("legacy96.sql"));
    }

    @Test
    void aPgbenchDatabaseArrivesWithEqualRowsSequencesRelationsAndConstraints() throws Exception {
        Cli.Run run = Cli.run("copy", "-j", "2", "--source", Cli.conn(source, "bench"), "--target",
                Cli.conn(target, "bench"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertSameContent("bench");
    }

    @Test
    void oddIdentifiersFloatsArraysAndStackedViewsArriveIntact() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, "legacy"), "--target", Cli.conn(target, "legacy"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertSameContent("legacy");
        try (Connection t = target.connect("legacy")) {
            var rs = t.createStatement().executeQuery(
                    "SELECT ratio::text, weight::text FROM \"Billing Dept\".\"Invoice\" WHERE \"user\" = 'tiny'");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("1e-300");
            assertThat(rs.getString(2)).isEqualTo("1.1754944e-38");
        }
    }

    private static void assertSameContent(String db) throws Exception {
        DatabaseSnapshot.assertSameContent(source, db, target, db);
    }
}
