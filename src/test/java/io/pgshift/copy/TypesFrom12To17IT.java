package io.pgshift.copy;

import java.sql.Connection;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Types, collations, conversions and casts of a 12 source copied into 17, which pg_dump 15 cannot dump: the
 * catalogs are compared with {@link TypesDescription} instead.
 */
class TypesFrom12To17IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void createSource() throws Exception {
        TypesFixture.createRoles(source, target);
        TypesFixture.load(source);
    }

    @Test
    void typesCollationsConversionsAndCastsArriveAsTheSourceHasThemWithTheirRows() throws Exception {
        Cli.Run run = Cli.run("copy", "--source", Cli.conn(source, TypesFixture.DB), "--target",
                Cli.conn(target, TypesFixture.DB));
        assertThat(run.exitCode()).as(run.err()).isZero();

        List<String> expected;
        List<String> actual;
        try (Connection s = source.connect(TypesFixture.DB); Connection t = target.connect(TypesFixture.DB)) {
            expected = TypesDescription.of(s, 12);
            actual = TypesDescription.of(t, 12);
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected).anyMatch(l -> l.contains("labels sad|meh|ok|happy|ecstatic|"))
                .anyMatch(l -> l.contains("even is even") && l.contains("valid false"));
        TypesFixture.assertSameContent(source, target);
    }
}
