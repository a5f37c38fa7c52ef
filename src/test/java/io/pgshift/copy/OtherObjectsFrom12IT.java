package io.pgshift.copy;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.PostgresServer;

/** The other object kinds, copied from PostgreSQL 12 into 15 and checked against pg_dump. */
class OtherObjectsFrom12IT extends OtherObjectsCopy {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @Override
    PostgresServer source() {
        return source;
    }

    @Override
    PostgresServer target() {
        return target;
    }
}
