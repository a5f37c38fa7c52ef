package io.pgshift.copy;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.PostgresServer;

/** The other object kinds, copied from PostgreSQL 12 into 17, which pg_dump 15 cannot dump: checked by query. */
class OtherObjectsFrom12To17IT extends OtherObjectsCopy {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
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
