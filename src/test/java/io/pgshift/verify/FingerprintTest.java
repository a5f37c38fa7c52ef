package io.pgshift.verify;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FingerprintTest {
    @Test
    void rangesAddUpToTheWholeTableInAnyOrderBeyondTheRangeOfALong() {
        Fingerprint a = new Fingerprint(2, "9223372036854775807");
        Fingerprint b = new Fingerprint(3, "-12");
        Fingerprint c = new Fingerprint(1, "9223372036854775807");

        assertThat(a.plus(b).plus(c)).isEqualTo(c.plus(a).plus(b))
                .isEqualTo(new Fingerprint(6, "18446744073709551602"));
        assertThat(Fingerprint.EMPTY.plus(a)).isEqualTo(a);
    }
}
