package io.pgshift.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SizingTest {
    private static final long GB = 1024L * 1024 * 1024;

    @Test
    void below100GbTheGuideRecommendsDumpAndRestoreAndAboveAnOnlineMethod() {
        assertThat(Sizing.of(new DatabaseSize("small", 99 * GB, null, 0, 0), null).method()).isEqualTo(Sizing.OFFLINE);
        assertThat(Sizing.of(new DatabaseSize("big", 100 * GB, null, 0, 0), null).method()).isEqualTo(Sizing.ONLINE);
    }

    @Test
    void theEstimateIsTheSizeOverTheMeasuredThroughputAndSaysSo() {
        Throughput probe = new Throughput("db", "public.t", 100.0 * 1024 * 1024, 1.5, 1000);
        Sizing sizing = Sizing.of(new DatabaseSize("db", 60L * 1024 * 1024 * 1024, null, 0, 0), probe);

        assertThat(sizing.estimatedSeconds()).isEqualTo(614.4);
        assertThat(sizing.finding(probe).message()).contains("60.0 GB").contains("about 10 minutes")
                .contains("100.0 MB/s").contains("an estimate");
    }

    @Test
    void withoutAProbeThereIsNoEstimate() {
        Sizing sizing = Sizing.of(new DatabaseSize("db", 1000, null, 0, 0), null);

        assertThat(sizing.estimatedSeconds()).isNull();
        assertThat(sizing.finding(null).message()).doesNotContain("estimated");
    }
}
