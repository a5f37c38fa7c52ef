package io.pgshift.check;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.pgshift.catalog.Incompatibility;

import static org.assertj.core.api.Assertions.assertThat;

class FindingCodeTest {
    @Test
    void codesArePgsPrefixedWithDashes() {
        assertThat(FindingCode.TARGET_NOT_EMPTY.id()).isEqualTo("PGS-TARGET-NOT-EMPTY");
        assertThat(Arrays.stream(FindingCode.values()).map(FindingCode::id)).allMatch(id -> id.matches("PGS-[A-Z-]+"));
    }

    @Test
    void everyIncompatibilityTheCatalogReadersFindHasACodeOfItsOwn() {
        for (String kind : new String[] {"TABLE-WITH-OIDS", "REMOVED-TYPE-COLUMN", "UNKNOWN-COLUMN", "POSTFIX-OPERATOR",
            "ROUTINE-SETS-REMOVED-PARAMETER"}) {
            assertThat(FindingCode.of(new Incompatibility(kind, "x", 12, "p", "r")).id()).isEqualTo("PGS-" + kind);
        }
        assertThat(FindingCode.of(new Incompatibility("SOMETHING-NEW", "x", 12, "p", "r")))
                .isEqualTo(FindingCode.INCOMPATIBLE_OBJECT);
    }
}
