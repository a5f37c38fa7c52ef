package io.pgshift.copy;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.PostgresServer;

/** The other object kinds, copied from PostgreSQL 14 into 15 and checked against pg_dump. */
class OtherObjectsFrom14IT extends OtherObjectsCopy {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
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
