package io.pgshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.progress.Phase;
import io.pgshift.progress.Progress;

/** The live status lines: cut to the width, an ETA only once the rate is steady, a label per database. */
class StatusBlockTest {
    private static final long MB = 1024 * 1024;

    private long now = 1_000_000;

    @Test
    void rowsAreShownOutOfTheEstimateWhileItHoldsAndAloneOnceTheyPassIt() {
        StatusBlock block = new StatusBlock();
        Progress data = new Progress(Phase.DATA, 2, 100 * MB).estimateRows(1_000_000);
        block.started(null, data, now);
        data.itemDone(400_000);
        now += 1000;
        assertThat(block.lines(now, 200, 24).get(0)).contains("400,000 of ~1,000,000 rows");

        data.itemDone(700_000);
        now += 1000;
        assertThat(block.lines(now, 200, 24).get(0)).contains("1,100,000 rows").doesNotContain("of ~1,000,000");
    }

    @Test
    void everyLineFitsTheWidthWhateverItHolds() {
        StatusBlock block = new StatusBlock();
        Progress data = new Progress(Phase.DATA, 123_456, 2_000 * MB);
        Progress indexes = new Progress(Phase.INDEXES, 99_999, 0);
        block.started("a_database_with_a_rather_long_name", data, now);
        block.started(null, indexes, now);
        block.started(null, new Progress(Phase.PREPARE, 0, 0), now);
        for (int second = 0; second < 30; second++) {
            data.addBytes(40 * MB);
            data.itemDone(1_234_567);
            indexes.itemDone(0);
            now += 1000;
            for (int columns : new int[] {10, 20, 40, 80, 132}) {
                List<String> lines = block.lines(now, columns, 24);
                assertThat(lines).hasSize(3).allSatisfy(l -> assertThat(l.length()).as(l).isLessThan(columns));
            }
        }
        assertThat(block.lines(now, 200, 24).get(0)).as("all of it on a wide terminal")
                .contains("rows").contains("/s").contains("ETA").contains("elapsed");
        assertThat(block.lines(now, 40, 24).get(0)).as("the least needed parts go first")
                .doesNotContain("elapsed").doesNotContain("rows");
    }

    @Test
    void theEtaAppearsOnlyOnceTheRateIsSteadyAndAShareIsDone() {
        StatusBlock block = new StatusBlock();
        Progress data = new Progress(Phase.DATA, 10, 1000 * MB);
        block.started(null, data, now);
        String line = "";
        for (int tick = 1; tick <= 40; tick++) {
            data.addBytes(MB * 10 / 4);
            now += 250;
            line = block.lines(now, 120, 24).get(0);
            if (tick < 20) {
                assertThat(line).as("at %d ms", tick * 250).doesNotContain("ETA");
            }
        }
        // 100 MB in 10 s at 10 MB/s: 900 MB are left, 90 s.
        assertThat(line).contains("ETA 1:30").contains("10.0 MB/s");
    }

    @Test
    void aSlowStartIsNotEnoughForAnEta() {
        StatusBlock block = new StatusBlock();
        Progress data = new Progress(Phase.DATA, 10, 100_000 * MB);
        block.started(null, data, now);
        for (int second = 0; second < 20; second++) {
            data.addBytes(10 * MB);
            now += 1000;
        }
        assertThat(block.lines(now, 120, 24).get(0)).as("0.2% done after 20 s").doesNotContain("ETA");
    }

    @Test
    void aPhaseWithoutAByteEstimateNeverShowsAnEta() {
        StatusBlock block = new StatusBlock();
        Progress restore = new Progress(Phase.DATA, 10, 0);
        block.started(null, restore, now);
        for (int second = 0; second < 60; second++) {
            restore.addBytes(10 * MB);
            now += 1000;
            assertThat(block.lines(now, 120, 24).get(0)).doesNotContain("ETA");
        }
        assertThat(block.lines(now, 120, 24).get(0)).contains("600.0 MB").contains("MB/s");
    }

    @Test
    void aPhaseWithNothingToCountShowsNoCountsAndNoZeroBytes() {
        StatusBlock block = new StatusBlock();
        block.started(null, new Progress(Phase.PREPARE, 0, 0), now);
        now += 2000;
        assertThat(block.lines(now, 80, 24)).containsExactly("prepare: 0:02 elapsed");
    }

    @Test
    void databasesCopiedSideBySideAreLabelledEachOnItsLine() {
        StatusBlock block = new StatusBlock();
        block.started("app", new Progress(Phase.DATA, 4, 100 * MB), now);
        block.started("shop", new Progress(Phase.DATA, 2, 10 * MB), now);
        block.started("shop", new Progress(Phase.INDEXES, 7, 0), now);

        List<String> lines = block.lines(now + 1000, 80, 24);

        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("app: data: 0/4");
        assertThat(lines.get(1)).startsWith("shop: data: 0/2");
        assertThat(lines.get(2)).startsWith("shop: indexes and constraints: 0/7");
    }

    @Test
    void moreRunningPhasesThanTheTerminalHasRoomForAreSummedUpInOneLine() {
        StatusBlock block = new StatusBlock();
        for (int i = 0; i < 12; i++) {
            block.started("db" + i, new Progress(Phase.DATA, 1, MB), now);
        }
        List<String> lines = block.lines(now, 80, 6);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).isEqualTo("... and 8 more phases running");
    }
}
