package io.pgshift.copy;

import java.io.IOException;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.PostgresServer;

/** Relation extras copied from PostgreSQL 12 into 17, which pg_dump 15 cannot dump: the objects and their states are compared. */
class RelationExtrasFrom12To17IT extends RelationExtrasIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

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
