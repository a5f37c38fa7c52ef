package io.pgshift.copy;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.PostgresServer;

/**
 * The other object kinds, copied from PostgreSQL 15 into 17, with what only newer sources have: ICU database, publications of schemas, row filters and column lists.
 * pg_dump 15 cannot dump these servers, so the checks are queries.
 */
class OtherObjectsFrom15To17IT extends OtherObjectsCopy {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("15");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @Override
    PostgresServer source() {
        return source;
    }

    @Override
    PostgresServer target() {
        return target;
    }
}
