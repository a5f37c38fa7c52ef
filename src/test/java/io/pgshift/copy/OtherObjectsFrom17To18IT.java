package io.pgshift.copy;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.PostgresServer;

/**
 * The other object kinds, copied from PostgreSQL 17 into 18, with what only newer sources have: a database with the builtin collation provider.
 * pg_dump 15 cannot dump these servers, so the checks are queries.
 */
class OtherObjectsFrom17To18IT extends OtherObjectsCopy {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("17");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("18");

    @Override
    PostgresServer source() {
        return source;
    }

    @Override
    PostgresServer target() {
        return target;
    }
}
