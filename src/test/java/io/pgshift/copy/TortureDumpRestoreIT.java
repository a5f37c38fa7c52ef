package io.pgshift.copy;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.DumpRoundTrip;
import io.pgshift.testkit.PostgresServer;

/**
 * The torture fixtures of types, routines, relation extras (views, materialized views, rules, triggers,
 * policies, statistics, partitions) and other objects (extensions with configuration data, text search, foreign
 * data, publications, default privileges, large objects, database properties) dumped from PostgreSQL 12 and restored into 15 through each of the three
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
        OtherObjectsCopy.createSource(source, target);
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

    @Test
    void theOtherObjectsSurviveAPlainScriptReplayedByPsql() throws Exception {
        roundTrip.plain(OtherObjectsCopy.DB);
    }

    @Test
    void theOtherObjectsSurviveAnArchiveThroughAPipe() throws Exception {
        roundTrip.archiveThroughAPipe(OtherObjectsCopy.DB);
    }

    @Test
    void theOtherObjectsSurviveAParallelDirectoryDumpAndRestore() throws Exception {
        roundTrip.directory(OtherObjectsCopy.DB);
    }

    private static final String[] RELATION_EXTRAS = {RelationExtrasIT.PLAIN, RelationExtrasIT.WITH_FUNCTIONS,
        RelationExtrasIT.PARTITIONED};
}
