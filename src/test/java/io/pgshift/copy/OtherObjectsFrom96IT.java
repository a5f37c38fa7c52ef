package io.pgshift.copy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The other object kinds, copied from PostgreSQL 9.6 into 15 and checked against pg_dump. */
class OtherObjectsFrom96IT extends OtherObjectsCopy {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("9.6");
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

    @Test
    void aDatabaseSettingTheTargetNoLongerKnowsIsRefusedBeforeAnythingIsWritten() throws Exception {
        source.createDatabase("old setting");
        source.execute("old setting", "ALTER DATABASE \"old setting\" SET operator_precedence_warning = on");

        Cli.Run run = Cli.run("copy", "--source", conn(source, "old setting"), "--target", conn(target, "old setting"));

        assertThat(run.exitCode()).isEqualTo(9);
        assertThat(run.err()).contains("operator_precedence_warning").contains("nothing was written");
        assertThat(rows(target, "postgres", "SELECT count(*) FROM pg_catalog.pg_database WHERE datname = 'old setting'"))
                .containsExactly("0");
    }
}
