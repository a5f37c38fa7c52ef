package io.pgshift;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SizesTest {
    @Test
    void smallCountsStayInBytesAndLargerOnesTakeTheLargestUnitWithOneDecimal() {
        assertThat(Sizes.bytes(0)).isEqualTo("0 B");
        assertThat(Sizes.bytes(1023)).isEqualTo("1023 B");
        assertThat(Sizes.bytes(700_300)).isEqualTo("683.9 kB");
        assertThat(Sizes.bytes(3L << 30)).isEqualTo("3.0 GB");
        assertThat(Sizes.bytes(5L << 50)).isEqualTo("5.0 PB");
    }
}
