package io.pgshift.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ByteSizeTest {
    @Test
    void unitsArePowersOf1024AsInPostgresql() {
        assertThat(ByteSize.parse("1048576")).isEqualTo(1L << 20);
        assertThat(ByteSize.parse("512B")).isEqualTo(512);
        assertThat(ByteSize.parse("64kB")).isEqualTo(64L << 10);
        assertThat(ByteSize.parse("1MB")).isEqualTo(1L << 20);
        assertThat(ByteSize.parse("2GB")).isEqualTo(2L << 30);
        assertThat(ByteSize.parse("3TB")).isEqualTo(3L << 40);
    }

    @Test
    void caseAndSpacesBetweenNumberAndUnitDoNotMatter() {
        assertThat(ByteSize.parse("1gb")).isEqualTo(1L << 30);
        assertThat(ByteSize.parse(" 10 MB ")).isEqualTo(10L << 20);
    }

    @Test
    void zeroMeansZero() {
        assertThat(ByteSize.parse("0")).isZero();
    }

    @Test
    void unknownUnitsFractionsAndOverflowsAreRefusedWithTheValueNamed() {
        assertThatThrownBy(() -> ByteSize.parse("1PB")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("'1PB'");
        assertThatThrownBy(() -> ByteSize.parse("1.5GB")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> ByteSize.parse("-1MB")).isInstanceOf(TypeConversionException.class);
        assertThatThrownBy(() -> ByteSize.parse("9999999999TB")).isInstanceOf(TypeConversionException.class)
                .hasMessageContaining("too large");
    }
}
