package io.pgshift.order;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DumpRoundTrip;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Random schemas with deep dependencies across kinds ({@link SchemaGenerator}), copied from 9.6 and 14 to 15 and
 * compared by the pg_dump 15 oracle, from 14 to 18 and compared by verify, and dumped in two formats.
 */
class GeneratedSchemasIT {
    private static final long[] SEEDS = {1, 7, 42};

    @RegisterExtension
    static final PostgresServer oldest = PostgresServer.version("9.6");
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");
    @RegisterExtension
    static final PostgresServer newest = PostgresServer.version("18");

    @TempDir
    static Path temp;

    @BeforeAll
    static void generate() {
        for (long seed : SEEDS) {
            for (PostgresServer server : new PostgresServer[] {oldest, source}) {
                server.createDatabase(db(seed));
                server.execute(db(seed), SchemaGenerator.statements(seed,
                        (int) Double.parseDouble(server.majorVersion())).toArray(String[]::new));
            }
        }
    }

    private static String db(long seed) {
        return "gen_" + seed;
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42})
    void aSchemaFrom96ArrivesAsPgDumpReadsIt(long seed) throws Exception {
        assertCopiedLikeTheOracle(oldest, db(seed), db(seed) + "_from96");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42})
    void aSchemaFrom14ArrivesAsPgDumpReadsIt(long seed) throws Exception {
        assertCopiedLikeTheOracle(source, db(seed), db(seed) + "_from14");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 7, 42})
    void aSchemaFrom14ArrivesInEighteenAndVerifies(long seed) {
        Cli.Run copy = Cli.run("copy", "-j", "2", "--source", Cli.conn(source, db(seed)),
                "--target", Cli.conn(newest, db(seed)));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, db(seed)),
                "--target", Cli.conn(newest, db(seed)));
        assertThat(verify.exitCode()).as(verify.out() + verify.err()).isZero();
    }

    @Test
    void aGeneratedSchemaSurvivesAPlainScriptAndAParallelDirectoryDump() throws Exception {
        DumpRoundTrip roundTrip = new DumpRoundTrip(source, target, temp);
        roundTrip.plain(db(SEEDS[2]));
        roundTrip.directory(db(SEEDS[2]));
    }

    private static void assertCopiedLikeTheOracle(PostgresServer from, String db, String copied) throws Exception {
        Cli.Run copy = Cli.run("copy", "-j", "2", "--source", Cli.conn(from, db), "--target", Cli.conn(target, copied));

        assertThat(copy.exitCode()).as(copy.out() + copy.err()).isZero();
        String expected = PgDumpOracle.schema(from, db);
        String actual = PgDumpOracle.schema(target, copied);
        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
    }
}
