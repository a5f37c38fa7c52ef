package io.pgshift.copy;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.DatabaseSnapshot;
import io.pgshift.testkit.PostgresServer;
import io.pgshift.verify.SchemaComparison;
import io.pgshift.verify.SchemaDifference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same databases copied from each source major version into PostgreSQL 18, the newest target, which
 * pg_dump 15 cannot read: the rows are checked by hash and the schema by pgshift's own object-by-object
 * comparison. One subclass per source version, so each test class runs one source and one target server.
 */
abstract class EveryVersionIT {
    abstract PostgresServer source();

    abstract PostgresServer target();

    @Test
    void aPgbenchDatabaseArrivesWithEqualRowsAndAnIdenticalSchema() throws Exception {
        source().createDatabase("bench");
        source().execute("bench", CopyFrom12To17IT.fixture("pgbench.sql"));
        copyAndCompare("bench");
    }

    @Test
    void oddIdentifiersFloatsArraysAndStackedViewsArriveIntact() throws Exception {
        source().createDatabase("legacy");
        source().execute("legacy", CopyFrom12To17IT.fixture("legacy96.sql"));
        copyAndCompare("legacy");
    }

    @Test
    void typesOfEveryKindTheSourceVersionHasArriveIntact() throws Exception {
        TypesFixture.createRoles(source(), target());
        TypesFixture.load(source());
        copyAndCompare(TypesFixture.DB);
    }

    @Test
    void routinesOfEveryKindTheSourceVersionHasArriveIntact() throws Exception {
        RoutineFixtures.createSource(source(), target());
        copyAndCompare(RoutineFixtures.DB);
    }

    private void copyAndCompare(String db) throws Exception {
        Cli.Run run = Cli.run("copy", "-j", "2", "--source", Cli.conn(source(), db), "--target", Cli.conn(target(), db));
        assertThat(run.exitCode()).as(run.err()).isZero();
        try (Connection s = source().connect(db); Connection t = target().connect(db)) {
            DatabaseSnapshot expected = DatabaseSnapshot.of(s);
            DatabaseSnapshot actual = DatabaseSnapshot.of(t);
            assertThat(actual.tables()).isEqualTo(expected.tables());
            assertThat(actual.sequences()).isEqualTo(expected.sequences());
            List<SchemaDifference> differences = SchemaComparison.compare(s, t);
            assertThat(differences).as(() -> String.join("\n", differences.stream().map(SchemaDifference::describe)
                    .toList())).isEmpty();
        }
    }
}
