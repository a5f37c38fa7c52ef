package io.pgshift.copy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.PostgresServer;

/**
 * Functions, aggregates, operators, operator classes and families, a language and a transform, as PostgreSQL
 * 12 has them, copied into 15 and compared by pg_dump 15.
 */
class RoutinesFrom12To15IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @BeforeAll
    static void createSourceDatabase() throws Exception {
        RoutineFixtures.createSource(source, target);
    }

    @Test
    void everyRoutineAndOperatorDumpsIdenticallyOnSourceAndTarget() throws Exception {
        RoutineFixtures.assertCopiedAsPgDumpSeesIt(source, target);
    }
}
