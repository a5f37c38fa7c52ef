package io.pgshift.copy;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PgDumpOracle;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** Types, collations, conversions and casts of a 14 source (multiranges, ICU and nondeterministic collations), copied into 15 and checked by pg_dump 15. */
class TypesFrom14To15IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("14");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("15");

    @BeforeAll
    static void createSource() throws Exception {
        TypesFixture.createRoles(source, target);
        TypesFixture.load(source);
    }

    @Test
    void typesCollationsConversionsAndCastsDumpIdenticallyAndTheirRowsArrive() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, TypesFixture.DB), "--target",
                Cli.conn(target, TypesFixture.DB));
        assertThat(run.exitCode()).as(run.err()).isZero();

        String expected = PgDumpOracle.schema(source, TypesFixture.DB);
        String actual = PgDumpOracle.schema(target, TypesFixture.DB);

        assertThat(actual).as(PgDumpOracle.difference(expected, actual)).isEqualTo(expected);
        assertThat(expected).contains("CREATE TYPE \"Types & Co\".\"Mood\" AS ENUM");
        TypesFixture.assertSameContent(source, target);
    }
}
