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
 * The newest catalog layout as a source: colllocale and the builtin provider, ICU rules, named NOT NULL
 * domain constraints. Copied into 18 and compared with {@link TypesDescription}.
 */
class TypesFrom17To18IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("17");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("18");

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
            expected = TypesDescription.of(s, 17);
            actual = TypesDescription.of(t, 17);
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected).anyMatch(l -> l.startsWith("collation public.C builtin b true C"))
                .anyMatch(l -> l.contains("must be there NOT NULL valid true comment never null"))
                .anyMatch(l -> l.contains("multirange \"Types & Co\".\"Shifts\""))
                .anyMatch(l -> l.endsWith("rules &b < a"));
        TypesFixture.assertSameContent(source, target);
    }
}
