package io.pgshift.copy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routines torture database (torture/routines*.sql) and the checks the routine tests share. Each fixture
 * file holds what one version added, and is applied when the source is at least that version.
 */
final class RoutineFixtures {
    static final String DB = "routines";

    /** Fixture files by the first major version that can load them. */
    private static final List<Object[]> FILES = List.of(new Object[] {9.6, "routines.sql"},
            new Object[] {11.0, "routines-11.sql"}, new Object[] {12.0, "routines-12.sql"},
            new Object[] {14.0, "routines-14.sql"});

    private RoutineFixtures() {
    }

    /** The roles the fixtures grant to and give objects to, on both servers; the database, on the source. */
    static void createSource(PostgresServer source, PostgresServer target) throws IOException {
        target.execute("postgres", "CREATE ROLE routine_owner", "CREATE ROLE routine_user");
        createSource(source);
    }

    /** The fixture on the source only, with its roles; the target's roles are the caller's business. */
    static void createSource(PostgresServer source) throws IOException {
        source.execute("postgres", "CREATE ROLE routine_owner", "CREATE ROLE routine_user");
        source.createDatabase(DB);
        double major = Double.parseDouble(source.majorVersion());
        for (Object[] file : FILES) {
            if (major >= (double) file[0]) {
                source.execute(DB, blocks(CopyFrom12To17IT.resource("/torture/" + file[1])));
            }
        }
    }

    /**
     * The fixture's blank-line-separated blocks, run one at a time: pgjdbc stops splitting a string at its
     * semicolons once it has seen BEGIN ATOMIC.
     */
    private static String[] blocks(String fixture) {
        List<String> blocks = new ArrayList<>();
        for (String block : fixture.split("\n\\s*\n")) {
            if (!block.isBlank()) {
                blocks.add(block);
            }
        }
        return blocks.toArray(String[]::new);
    }

    /** Copies the database and asks pg_dump 15 whether source and target schemas read the same. */
    static void assertCopiedAsPgDumpSeesIt(PostgresServer source, PostgresServer target) throws Exception {
        assertThat(PgDumpOracle.available()).as("postgresql-client-15 is installed (.ci/run installs it)").isTrue();
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, DB), "--target", Cli.conn(target, DB));
        assertThat(run.exitCode()).as(run.err()).isZero();

        String expected = PgDumpOracle.schema(source, DB);
        String actual = PgDumpOracle.schema(target, DB);

        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
    }
}
