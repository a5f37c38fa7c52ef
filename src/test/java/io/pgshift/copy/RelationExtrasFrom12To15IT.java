package io.pgshift.copy;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.PostgresServer;

/** Relation extras copied from PostgreSQL 12 into 15. */
class RelationExtrasFrom12To15IT extends RelationExtrasIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
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
