package io.pgshift.upgrade;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobShareTest {
    private static final long GB = 1L << 30;

    @Test
    void oneLargeDatabaseAmongSmallOnesGetsNearlyAllTheJobs() {
        assertThat(JobShare.of(8, 90 * GB, 100 * GB, 4)).isEqualTo(7);
    }

    @Test
    void equalDatabasesSplitTheJobsEvenlyAndUseThemAll() {
        int first = JobShare.of(8, GB, 3 * GB, 3);
        int second = JobShare.of(8 - first, GB, 2 * GB, 2);
        int third = JobShare.of(8 - first - second, GB, GB, 1);

        assertThat(first + second + third).isEqualTo(8);
        assertThat(List.of(first, second, third)).allMatch(n -> n == 2 || n == 3);
    }

    @Test
    void aTinyDatabaseStillGetsOneJob() {
        assertThat(JobShare.of(4, 1, 1000 * GB, 2)).isEqualTo(1);
    }

    @Test
    void theLastDatabaseTakesWhatIsFree() {
        assertThat(JobShare.of(3, GB, GB, 1)).isEqualTo(3);
    }

    @Test
    void databasesOfUnknownSizeShareByCount() {
        assertThat(JobShare.of(6, 0, 0, 3)).isEqualTo(2);
    }

    @Test
    void noFreeJobIsABug() {
        assertThatThrownBy(() -> JobShare.of(0, GB, GB, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
