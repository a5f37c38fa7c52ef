package io.pgshift.run;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.catalog.Incompatibility;
import io.pgshift.catalog.ServerVersion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class CompatibilityTest {
    private static Incompatibility postfix(String name) {
        return new Incompatibility("POSTFIX-OPERATOR", "operator public." + name + " (bigint, NONE)", 14,
                "is a postfix operator, which PostgreSQL 14 and later do not support", "drop it before copying");
    }

    @Test
    void aTargetOlderThanTheRemovalTakesTheObject() {
        assertThatCode(() -> Compatibility.check(List.of(postfix("!")), new ServerVersion(130012), "t"))
                .doesNotThrowAnyException();
    }

    @Test
    void aTargetFromTheRemovalOnIsRefusedWithTheObjectTheProblemAndTheWayOut() {
        PgShiftException e = catchThrowableOfType(
                () -> Compatibility.check(List.of(postfix("!")), new ServerVersion(140000), "db@host"),
                PgShiftException.class);

        assertThat(e.code()).isEqualTo(ErrorCode.UNSUPPORTED_VERSION);
        assertThat(e.getMessage()).contains("db@host runs PostgreSQL 14").contains("nothing was written")
                .contains("operator public.! (bigint, NONE) is a postfix operator").contains("drop it before copying")
                .doesNotContain("\n");
    }

    @Test
    void manyIncompatibilitiesAreNamedUpToFiveAndCounted() {
        List<Incompatibility> seven = List.of(postfix("!1"), postfix("!2"), postfix("!3"), postfix("!4"),
                postfix("!5"), postfix("!6"), postfix("!7"));

        PgShiftException e = catchThrowableOfType(
                () -> Compatibility.check(seven, new ServerVersion(180001), "t"), PgShiftException.class);

        assertThat(e.getMessage()).contains("public.!5 ").doesNotContain("public.!6 ").endsWith("and 2 more");
    }
}
