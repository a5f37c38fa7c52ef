package io.pgshift.copy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.LongStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.bench.Workloads;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.FaultProxy;
import io.pgshift.testkit.Launcher;
import io.pgshift.testkit.PostgresServer;
import io.pgshift.testkit.Wait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random faults on a pgbench database whose accounts are copied in three ranges: each seed picks a fault
 * (in turn, so that every kind comes up) and, at random from the seed, where it strikes: kill -9 of a pgshift child
 * process while rows move or while an index builds, followed by --resume; a cut of the source's or the target's
 * connection after a random number of bytes; a stall of either, with a 2 s --stall-timeout; a restart of the target
 * while rows move or an index builds. Every run ends with verify at no difference, which a table loaded twice, or a
 * range, would fail. The same faults, those that concern the target, strike restores of a directory dump.
 * pgbench's scale 10: a million accounts.
 */
class RandomFaultsIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    /** The accounts are about 100 MB as COPY text: split in three ranges of about 33 MB. */
    private static final String[] SPLIT = {"--split-tables-larger-than", "4MB", "--split-max-parts", "3"};

    enum Fault { KILL_AND_RESUME, CUT_SOURCE, CUT_TARGET, STALL, RESTART_TARGET }

    @TempDir
    static Path home;
    static Path dump;

    @BeforeAll
    static void pgbenchWithASlowIndex() {
        Workloads.pgbench(source.server(), "bench", 10);
        // An index that takes about a second to build, on a table over 1 MB (so it is built after its rows), gives
        // the faults of the index phase a moment to strike.
        source.execute("bench", """
                INSERT INTO pgbench_history SELECT 1 + g % 100, 1 + g % 10, 1 + g % 1000000, g % 100, now(), ''
                FROM generate_series(1, 20000) g;
                CREATE FUNCTION slow_key(i int) RETURNS int LANGUAGE plpgsql IMMUTABLE
                    AS $$ BEGIN PERFORM pg_catalog.pg_sleep(0.001); RETURN i; END $$;
                CREATE TABLE slow (id int, filler char(1500));
                INSERT INTO slow SELECT g, 'x' FROM generate_series(1, 800) g;
                CREATE INDEX slow_built_slowly ON slow (slow_key(id));
                """);
        dump = home.resolve("bench.dump");
        List<String> args = new ArrayList<>(List.of("dump", "-F", "directory", "-j", "2", "--source",
                Cli.conn(source, "bench"), "-f", dump.toString()));
        args.addAll(List.of(SPLIT));
        Cli.Run dumped = Cli.run(args.toArray(String[]::new));
        assertThat(dumped.exitCode()).as(dumped.err()).isZero();
    }

    static LongStream copySeeds() {
        return LongStream.rangeClosed(1, 20);
    }

    static LongStream restoreSeeds() {
        return LongStream.of(101, 103, 104, 105, 106, 108);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("copySeeds")
    void aCopyHitByTheSeedsFaultEndsWithEveryRowOnce(long seed) throws Exception {
        String db = "copy_" + seed;
        Function<String, String[]> copy = to -> join(List.of("copy", "-j", "2", "--no-analyze", "--source",
                Cli.conn(source, "bench"), "--target", to), SPLIT);
        strike(seed, db, copy, (from, to) -> join(List.of("copy", "-j", "2", "--no-analyze", "--source", from,
                "--target", to), SPLIT));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("restoreSeeds")
    void aRestoreOfADirectoryHitByTheSeedsFaultEndsWithEveryRowOnce(long seed) throws Exception {
        String db = "restore_" + seed;
        strike(seed, db, to -> new String[] {"restore", "-j", "2", "--target", to, dump.toString()},
                (from, to) -> new String[] {"restore", "-j", "2", "--target", to, dump.toString()});
    }

    /** The command with both connections given: for a proxy in front of the source. */
    interface Command {
        String[] of(String from, String to);
    }

    private static void strike(long seed, String db, Function<String, String[]> command, Command through)
            throws Exception {
        // SplittableRandom mixes its seed: java.util.Random's first draws from small, close seeds are alike.
        SplittableRandom random = new SplittableRandom(seed);
        boolean restore = command.apply("x")[0].equals("restore");
        Fault[] faults = restore ? new Fault[] {Fault.KILL_AND_RESUME, Fault.CUT_TARGET, Fault.STALL,
            Fault.RESTART_TARGET} : Fault.values();
        Fault fault = faults[(int) (seed % faults.length)];
        boolean inIndexes = random.nextBoolean();
        // Within the first of a session's ranges of the accounts (each about 33 MB), which every session moves.
        long bytes = (2L << 20) + random.nextInt(30 << 20);
        String state = home.resolve("state-" + db).toString();
        String to = Cli.conn(target, db);
        long start = System.nanoTime();
        String struck = fault + (fault == Fault.KILL_AND_RESUME || fault == Fault.RESTART_TARGET
                ? (inIndexes ? " while an index builds" : " while rows move") : " after " + bytes + " bytes");
        switch (fault) {
            case KILL_AND_RESUME -> {
                String[] args = join(List.of(command.apply(to)), "--state-dir", state);
                Path outputs = Files.createTempDirectory(home, "child");
                Process child = Launcher.start(home, Map.of(), outputs, args);
                waitForPhase(db, inIndexes, child::isAlive);
                Thread.sleep(random.nextInt(200));
                child.destroyForcibly();
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
                if (child.exitValue() == 0) {
                    struck += ", too late: the run had finished";
                } else {
                    Cli.Run resumed = Cli.run(join(List.of(args), "--resume"));
                    assertThat(resumed.exitCode()).as(resumed.err()).isZero();
                }
                try (var left = Files.list(Path.of(state))) {
                    assertThat(left).as("the resume log is gone once the run succeeded").isEmpty();
                }
            }
            case CUT_SOURCE, CUT_TARGET, STALL -> {
                boolean onSource = fault == Fault.CUT_SOURCE || fault == Fault.STALL && !restore && random.nextBoolean();
                try (FaultProxy proxy = FaultProxy.to(onSource ? source : target)) {
                    proxy.arm(fault == Fault.STALL ? FaultProxy.Fault.STALL : FaultProxy.Fault.CUT, bytes, 1);
                    String[] args = onSource ? through.of(proxy.conn(source, "bench"), to)
                            : command.apply(proxy.conn(target, db));
                    Cli.Run run = Cli.run(join(List.of(args), "--stall-timeout", "2"));
                    assertThat(run.exitCode()).as(run.err()).isZero();
                    assertThat(proxy.tripped()).as("the fault struck").isEqualTo(1);
                }
            }
            case RESTART_TARGET -> {
                CompletableFuture<Cli.Run> run = CompletableFuture.supplyAsync(() -> Cli.run(command.apply(to)));
                waitForPhase(db, inIndexes, () -> !run.isDone());
                target.restart(Duration.ofSeconds(1));
                Cli.Run done = run.get(3, TimeUnit.MINUTES);
                assertThat(done.exitCode()).as(done.err()).isZero();
            }
        }
        Cli.Run verify = Cli.run("verify", "--source", Cli.conn(source, "bench"), "--target", to);
        assertThat(verify.exitCode()).as(fault + ": " + verify.out() + verify.err()).isZero();
        target.execute("postgres", "DROP DATABASE " + db);
        // One line per seed in the test's output, to tell which faults the seeds chose and what they cost.
        System.out.printf("%s seed %d: %s, %.1f s%n", db, seed, struck, (System.nanoTime() - start) / 1e9);
    }

    /** Waits until the run moves rows, or builds the slow index, or has ended. */
    private static void waitForPhase(String db, boolean inIndexes, Wait.Condition running) throws Exception {
        String pattern = inIndexes ? "CREATE INDEX slow_built_slowly%" : "COPY%";
        assertThat(Wait.until(() -> !running.holds() || active(db, pattern), 120)).isTrue();
    }

    private static boolean active(String db, String pattern) throws Exception {
        try (Connection c = target.connect("postgres"); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_catalog.pg_stat_activity WHERE datname = '"
                     + db + "' AND application_name = 'pgshift' AND query LIKE '" + pattern + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    private static String[] join(List<String> first, String... more) {
        List<String> all = new ArrayList<>(first);
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
