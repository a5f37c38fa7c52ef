package io.pgshift.copy;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.PostgresServer;

/** Relation extras copied from PostgreSQL 15 into 15, for the features of 15. */
class RelationExtrasFrom15To15IT extends RelationExtrasIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("15");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @BeforeAll
    static void createSourceDatabases() throws IOException {
        prepare(source, target);
    }

    @Override
    PostgresServer source() {
        return source;
    }

    @Override
    PostgresServer target() {
        return target;
    }
}
