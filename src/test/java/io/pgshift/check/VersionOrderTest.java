package io.pgshift.check;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VersionOrderTest {
    private static int compare(String a, String b) {
        return Integer.signum(VersionOrder.INSTANCE.compare(a, b));
    }

    @Test
    void numbersCompareAsNumbersSoOnePointTenComesAfterOnePointNine() {
        assertThat(compare("1.10", "1.9")).isEqualTo(1);
        assertThat(compare("1.9", "1.10")).isEqualTo(-1);
        assertThat(compare("2.0", "10.0")).isEqualTo(-1);
    }

    @Test
    void equalVersionsAndLeadingZerosCompareEqual() {
        assertThat(compare("1.0", "1.0")).isZero();
        assertThat(compare("1.01", "1.1")).isZero();
    }

    @Test
    void aPrefixComesBeforeTheLongerVersion() {
        assertThat(compare("1.0", "1.0.1")).isEqualTo(-1);
        assertThat(compare("3.1.4", "3.1")).isEqualTo(1);
    }

    @Test
    void separatorsOnlySeparateAndLettersCompareAsText() {
        assertThat(compare("1-2", "1.2")).isZero();
        assertThat(compare("1.2a", "1.2b")).isEqualTo(-1);
    }

    @Test
    void hugeNumbersFromDateLikeVersionsDoNotOverflow() {
        assertThat(compare("20240101000000000000", "20231231000000000000")).isEqualTo(1);
    }

    @Test
    void theHighestOfAnExtensionsVersionsIsFound() {
        List<String> versions = new ArrayList<>(List.of("1.2", "1.10", "1.9", "1.0"));
        assertThat(versions.stream().max(VersionOrder.INSTANCE)).contains("1.10");
    }
}
