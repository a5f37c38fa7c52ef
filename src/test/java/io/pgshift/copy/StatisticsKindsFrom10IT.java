package io.pgshift.copy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A statistics object made on 10 without naming its kinds has the two kinds 10 knew; on 12 and later the same
 * statement would add mcv, so the copy names them.
 */
class StatisticsKindsFrom10IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("10");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @Test
    void aStatisticsObjectWithEveryKindOf10KeepsThoseKindsOn17AndGainsNoMcv() throws Exception {
        source.createDatabase("stats");
        source.execute("stats", "CREATE TABLE \"Lines\" (qty int, note text)",
                "CREATE STATISTICS \"Line Stats\" ON qty, note FROM \"Lines\"",
                "CREATE STATISTICS only_distinct (ndistinct) ON qty, note FROM \"Lines\"");

        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(source, "stats"), "--target", Cli.conn(target, "stats"));

        assertThat(copy.exitCode()).as(copy.err()).isZero();
        try (Connection c = target.connect("stats"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT stxname || ' ' || stxkind::text FROM pg_catalog.pg_statistic_ext "
                     + "ORDER BY stxname")) {
            StringBuilder kinds = new StringBuilder();
            while (rs.next()) {
                kinds.append(rs.getString(1)).append('\n');
            }
            assertThat(kinds.toString()).isEqualTo("Line Stats {d,f}\nonly_distinct {d}\n");
        }
    }
}
