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
 * A 16 source, whose ICU collations keep their locale in colliculocale (15 and 16 only) and may have
 * tailoring rules; copied into 17, which moved the locale to colllocale, and compared with
 * {@link TypesDescription}.
 */
class TypesFrom16To17IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("16");
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
            expected = TypesDescription.of(s, 16);
            actual = TypesDescription.of(t, 16);
        }
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(expected).anyMatch(l -> l.startsWith("collation public.case_insensitive i false und-u-ks-level2"))
                .anyMatch(l -> l.endsWith("rules &b < a"));
        TypesFixture.assertSameContent(source, target);
    }
}
