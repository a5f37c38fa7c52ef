package io.pgshift.copy;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.PostgresServer;

class CopyEveryKindFrom11To18IT extends EveryVersionIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("11");
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
