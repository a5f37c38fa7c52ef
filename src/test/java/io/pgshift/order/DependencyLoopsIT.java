package io.pgshift.order;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DumpRoundTrip;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue #12, points 1, 2, 3 and 10: objects that need each other in loops are created in an order that works,
 * the loops broken as pg_dump breaks them, by copy and by each dump format; a loop that cannot be broken is refused
 * before anything is written.
 */
class DependencyLoopsIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");
    @RegisterExtension
    static final PostgresServer newest = PostgresServer.version("18");

    @TempDir
    static Path temp;
    static DumpRoundTrip roundTrip;

    @BeforeAll
    static void createTheLoops() throws Exception {
        DependencyLoops.create(source);
        roundTrip = new DumpRoundTrip(source, target, temp);
    }

    @Test
    void aCopyBreaksEveryLoopAndPgDumpReadsBothSchemasAlike() throws Exception {
        Cli.Run copy = Cli.run("copy", "--source", Cli.conn(source, DependencyLoops.DB),
                "--target", Cli.conn(target, DependencyLoops.DB));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        String expected = PgDumpOracle.schema(source, DependencyLoops.DB);
        String actual = PgDumpOracle.schema(target, DependencyLoops.DB);
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        assertVerified(target, DependencyLoops.DB);
    }

    @Test
    void aCopyToEighteenBreaksEveryLoopAndVerifies() throws Exception {
        Cli.Run copy = Cli.run("copy", "-j", "2", "--source", Cli.conn(source, DependencyLoops.DB),
                "--target", Cli.conn(newest, DependencyLoops.DB));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        assertVerified(newest, DependencyLoops.DB);
    }

    @Test
    void aPlainScriptReplayedByPsqlWithOnErrorStopBreaksEveryLoop() throws Exception {
        roundTrip.plain(DependencyLoops.DB);
    }

    @Test
    void aParallelDirectoryDumpAndRestoreBreaksEveryLoop() throws Exception {
        roundTrip.directory(DependencyLoops.DB);
    }

    @Test
    void anArchiveThroughAPipeBreaksEveryLoop() throws Exception {
        roundTrip.archiveThroughAPipe(DependencyLoops.DB);
    }

    @Test
    void aViewThatSelectsFromItselfIsRefusedBeforeAnythingIsWrittenAndCopiedWithoutIt() throws Exception {
        source.createDatabase("self");
        source.execute("self", "CREATE SCHEMA test", "CREATE TABLE test.t (a integer)",
                "INSERT INTO test.t VALUES (1)", "CREATE VIEW test.v AS TABLE test.t",
                "CREATE OR REPLACE VIEW test.v AS TABLE test.v", "CREATE VIEW test.w AS SELECT a FROM test.t");

        Cli.Run refused = Cli.run("copy", "--source", Cli.conn(source, "self"), "--target", Cli.conn(target, "self"));
        Cli.Run dump = Cli.run("dump", "-F", "plain", "--source", Cli.conn(source, "self"),
                "-f", temp.resolve("self.sql").toString());

        Cli.Run check = Cli.run("check", "--source", Cli.conn(source, "self"), "--target", Cli.conn(target, "postgres"),
                "--databases", "self");
        assertThat(check.exitCode()).as(check.out() + check.err()).isEqualTo(12);
        assertThat(check.out()).containsPattern("ERROR +PGS-DEPENDENCY-LOOP +self").contains("test.v");

        assertThat(refused.exitCode()).as(refused.out() + refused.err()).isEqualTo(13);
        assertThat(refused.err()).contains("VIEW test.v depends on itself").contains("-T");
        assertThat(databaseExists(target, "self")).isFalse();
        assertThat(dump.exitCode()).isEqualTo(13);
        assertThat(temp.resolve("self.sql")).doesNotExist();
        assertThat(temp.resolve("self.sql.partial")).doesNotExist();

        Cli.Run copy = Cli.run("copy", "-T", "test.v", "--source", Cli.conn(source, "self"),
                "--target", Cli.conn(target, "self"));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        try (Connection c = target.connect("self");
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM test.w")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }

    private static void assertVerified(PostgresServer server, String db) {
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, db), "--target", Cli.conn(server, db));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    private static boolean databaseExists(PostgresServer server, String db) throws Exception {
        try (Connection c = server.connect("postgres");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM pg_database WHERE datname = '" + db + "'")) {
            rs.next();
            return rs.getInt(1) == 1;
        }
    }
}
