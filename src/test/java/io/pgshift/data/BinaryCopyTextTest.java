package io.pgshift.data;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinaryCopyTextTest {
    private static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
            0, 0, 0, 0, 0, 0, 0, 0};

    @Test
    void typesWithoutAPrinterAreNamedOnceEachInTheirOrder() {
        assertThat(BinaryCopyText.unsupported(List.of("int4", "money", "_point", "money", "_int4", "tsvector")))
                .containsExactly("money", "_point", "tsvector");
        assertThat(BinaryCopyText.unsupported(java.util.Arrays.asList("int4", null))).containsExactly("unknown");
        assertThatThrownBy(() -> BinaryCopyText.forTypes(List.of("int4", "money")))
                .hasMessageContaining("money");
    }

    @Test
    void textCopyEscapesBackslashesAndControlCharactersAsTheServerDoes() {
        StringBuilder out = new StringBuilder();
        BinaryCopyText.escape("a\\b\tc\nd\re\bf\fg\u000bh\u0001i", out);
        assertThat(out.toString()).isEqualTo("a\\\\b\\tc\\nd\\re\\bf\\fg\\vh\u0001i");
    }

    @Test
    void aNullBecomesBackslashNAndColumnsAreSeparatedByTabs() throws IOException {
        byte[] rows = concat(HEADER, new byte[] {0, 2, 0, 0, 0, 4, 0, 0, 0, 7, (byte) 0xff, (byte) 0xff,
                (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        long count = BinaryCopyText.forTypes(List.of("int4", "text")).convert(new ByteArrayInputStream(rows), text);
        assertThat(count).isEqualTo(1);
        assertThat(text.toString()).isEqualTo("7\t\\N\n");
    }

    @Test
    void dataCutShortIsAnErrorNeverAShorterTable() {
        byte[] rows = concat(HEADER, new byte[] {0, 1, 0, 0, 0, 4, 0, 0});
        assertThatThrownBy(() -> BinaryCopyText.forTypes(List.of("int4"))
                .convert(new ByteArrayInputStream(rows), new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class).hasMessageContaining("ends");
        assertThatThrownBy(() -> BinaryCopyText.forTypes(List.of("int4"))
                .convert(new ByteArrayInputStream(HEADER), new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class).hasMessageContaining("end marker");
    }

    @Test
    void aValueOfTheWrongLengthForItsTypeIsRefused() {
        byte[] rows = concat(HEADER, new byte[] {0, 1, 0, 0, 0, 2, 0, 7, (byte) 0xff, (byte) 0xff});
        assertThatThrownBy(() -> BinaryCopyText.forTypes(List.of("int4"))
                .convert(new ByteArrayInputStream(rows), new ByteArrayOutputStream()))
                .isInstanceOf(IOException.class).hasMessageContaining("row 1, column 1");
    }

    @Test
    void floatsPrintInTheirShortestExactForm() {
        assertThat(BinaryValues.float8(0.1)).isEqualTo("0.1");
        assertThat(BinaryValues.float8(1e15)).isEqualTo("1e+15");
        assertThat(BinaryValues.float8(123456789012345.0)).isEqualTo("123456789012345");
        assertThat(BinaryValues.float8(1e-5)).isEqualTo("1e-05");
        assertThat(BinaryValues.float4(1234567f)).isEqualTo("1.234567e+06");
        assertThat(BinaryValues.float4(0.1f)).isEqualTo("0.1");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
