package io.pgshift.archive;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue #13: a dump of a newer server is refused by an older target before anything is written, with exit 8. */
class RestoreIntoOlderServerIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer older = PostgresServer.version("11");

    @Test
    void aDumpOfTwelveIsRefusedByElevenBeforeTheDatabaseIsCreated(@TempDir Path dir) throws Exception {
        source.createDatabase("newer");
        source.execute("newer", "CREATE TABLE t (id integer GENERATED ALWAYS AS IDENTITY, v integer)",
                "INSERT INTO t (v) VALUES (1)");
        Path dump = dir.resolve("newer.dump");
        assertThat(Cli.run("dump", "-F", "archive", "-f", dump.toString(), "--source", Cli.conn(source, "newer"))
                .exitCode()).isZero();

        Cli.Run restore = Cli.run("restore", "--target", Cli.conn(older, "newer"), dump.toString());

        assertThat(restore.exitCode()).as(restore.out() + restore.err()).isEqualTo(8);
        assertThat(restore.err()).contains("PostgreSQL 12").contains("older PostgreSQL 11").contains("nothing was written");
        try (Connection c = older.connect("postgres"); ResultSet rs = c.createStatement().executeQuery(
                "SELECT count(*) FROM pg_database WHERE datname = 'newer'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }
}
