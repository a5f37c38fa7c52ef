package io.pgshift.data;

import java.math.BigInteger;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TableRangesTest {
    @Test
    void ctidRangesCoverEveryPageOnceAndTheLastHasNoEnd() {
        assertThat(TableRanges.byCtid(100, 4)).containsExactly(
                "ctid < '(25,0)'::pg_catalog.tid",
                "ctid >= '(25,0)'::pg_catalog.tid AND ctid < '(50,0)'::pg_catalog.tid",
                "ctid >= '(50,0)'::pg_catalog.tid AND ctid < '(75,0)'::pg_catalog.tid",
                "ctid >= '(75,0)'::pg_catalog.tid");
    }

    @Test
    void aTableOfFewerPagesThanPartsGetsOnePartPerPage() {
        assertThat(TableRanges.byCtid(2, 8)).containsExactly(
                "ctid < '(1,0)'::pg_catalog.tid", "ctid >= '(1,0)'::pg_catalog.tid");
    }

    @Test
    void aTableOfOnePageOrNoneIsNotCut() {
        assertThat(TableRanges.byCtid(1, 4)).isEmpty();
        assertThat(TableRanges.byCtid(0, 4)).isEmpty();
    }

    @Test
    void keyRangesAreOpenAtBothEndsSoRowsBeyondTheBoundsAreNotLost() {
        assertThat(TableRanges.byKey("id", BigInteger.ONE, BigInteger.valueOf(300), 3)).containsExactly(
                "id < 101", "id >= 101 AND id < 201", "id >= 201");
    }

    @Test
    void keyRangesSpanningTheWholeBigintRangeDoNotOverflow() {
        List<String> ranges = TableRanges.byKey("id", BigInteger.valueOf(Long.MIN_VALUE),
                BigInteger.valueOf(Long.MAX_VALUE), 2);
        assertThat(ranges).containsExactly("id < 0", "id >= 0");
    }

    @Test
    void aKeyWithFewerValuesThanPartsGetsOnePartPerValue() {
        assertThat(TableRanges.byKey("id", BigInteger.valueOf(-1), BigInteger.ZERO, 4)).containsExactly(
                "id < 0", "id >= 0");
        assertThat(TableRanges.byKey("id", BigInteger.TEN, BigInteger.TEN, 4)).isEmpty();
    }
}
