package io.pgshift.data;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.catalog.CatalogReader;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A durable point holds what a session committed asynchronously: the server crashes (an immediate shutdown) right
 * after it, and the commits are still there once it recovers. A synchronous commit of a transaction that wrote no
 * WAL, which this replaced, was itself asynchronous and let a crash take back the whole schema.
 */
class DurablePointIT {
    @RegisterExtension
    static final PostgresServer pg17 = PostgresServer.version("17");
    @RegisterExtension
    static final PostgresServer pg96 = PostgresServer.version("9.6");

    @Test
    void tablesCommittedAsynchronouslyOutliveACrashRightAfterTheDurablePoint() throws Exception {
        for (int round = 1; round <= 3; round++) {
            assertThat(survivesACrash(pg17, "t" + round)).as("round " + round).isTrue();
        }
    }

    @Test
    void onPostgres96TheDurablePointReadsTheOldWalFunctionsAndHoldsAsWell() throws Exception {
        assertThat(survivesACrash(pg96, "t96")).isTrue();
    }

    private static boolean survivesACrash(PostgresServer server, String table) throws SQLException {
        try (Connection c = server.connect("postgres")) {
            SessionSettings.applyTarget(c, CatalogReader.versionOf(c));
            SessionSettings.execute(c, "CREATE TABLE public." + table + " (id int)");
            assertThat(DurablePoint.reach(c, CatalogReader.versionOf(c))).as("the flush was confirmed").isTrue();
        }
        server.crashAndRestart(Duration.ZERO);
        try (Connection c = server.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_catalog.to_regclass('public." + table + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
