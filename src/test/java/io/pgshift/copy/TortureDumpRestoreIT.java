package io.pgshift.copy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.DumpRoundTrip;
import io.pgshift.testkit.PostgresServer;

/**
 * The torture fixtures of types, routines and relation extras (views, materialized views, rules, triggers,
 * policies, statistics, partitions) dumped from PostgreSQL 12 and restored into 15 through each of the three
 * formats.
 */
class TortureDumpRestoreIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @TempDir
    static Path temp;
    static DumpRoundTrip roundTrip;

    @BeforeAll
    static void loadTheFixtures() throws Exception {
        TypesFixture.createRoles(source, target);
        TypesFixture.load(source);
        RoutineFixtures.createSource(source, target);
        RelationExtrasIT.prepare(source, target);
        roundTrip = new DumpRoundTrip(source, target, temp);
    }

    @Test
    void theTypesFixtureSurvivesAPlainScriptReplayedByPsql() throws Exception {
        roundTrip.plain(TypesFixture.DB);
    }

    @Test
    void theTypesFixtureSurvivesAnArchiveThroughAPipe() throws Exception {
        roundTrip.archiveThroughAPipe(TypesFixture.DB);
    }

    @Test
    void theTypesFixtureSurvivesAParallelDirectoryDumpAndRestore() throws Exception {
        roundTrip.directory(TypesFixture.DB);
    }

    @Test
    void theRoutinesFixtureSurvivesAPlainScriptReplayedByPsql() throws Exception {
        roundTrip.plain(RoutineFixtures.DB);
    }

    @Test
    void theRoutinesFixtureSurvivesAnArchiveThroughAPipe() throws Exception {
        roundTrip.archiveThroughAPipe(RoutineFixtures.DB);
    }

    @Test
    void theRoutinesFixtureSurvivesAParallelDirectoryDumpAndRestore() throws Exception {
        roundTrip.directory(RoutineFixtures.DB);
    }

    @Test
    void theRelationExtrasSurviveAPlainScriptReplayedByPsql() throws Exception {
        for (String db : RELATION_EXTRAS) {
            roundTrip.plain(db);
        }
    }

    @Test
    void theRelationExtrasSurviveAnArchiveThroughAPipe() throws Exception {
        for (String db : RELATION_EXTRAS) {
            roundTrip.archiveThroughAPipe(db);
        }
    }

    @Test
    void theRelationExtrasSurviveAParallelDirectoryDumpAndRestore() throws Exception {
        for (String db : RELATION_EXTRAS) {
            roundTrip.directory(db);
        }
    }

    private static final String[] RELATION_EXTRAS = {RelationExtrasIT.PLAIN, RelationExtrasIT.WITH_FUNCTIONS,
        RelationExtrasIT.PARTITIONED};
}
