package io.pgshift.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private final String page = HtmlReport.toHtml(Reports.sample(false));

    @Test
    void everyNameFromAServerIsEscapedInTextAndAttributes() {
        assertThat(page).doesNotContain(Reports.EVIL).doesNotContain("<script").doesNotContain("alert('x')");
        assertThat(page).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;");
    }

    @Test
    void thePageLoadsNothingFromTheNetwork() {
        assertThat(Pattern.compile("(src|href)\\s*=\\s*[\"']?\\s*(https?:)?//", Pattern.CASE_INSENSITIVE)
                .matcher(page).find()).isFalse();
        assertThat(page).doesNotContain("http://").doesNotContain("https://").doesNotContain("<link")
                .doesNotContain("@import").doesNotContain("url(").doesNotContain("<script")
                .doesNotContain("<img").doesNotContain("<iframe");
    }

    @Test
    void thePageShowsTheOutcomeTimesAndBothEnds() {
        assertThat(page).contains("<span class=\"outcome bad\">failed</span>").contains("Exit code").contains(">9<")
                .contains("failed on &lt;script&gt;").contains("admin@new:5432/app").contains("Duration")
                .contains("5.00 s");
    }

    @Test
    void theTimelineHasARowPerWorkerAndABarPerItem() {
        assertThat(page).contains(">worker-1</text>").contains(">worker-2</text>").contains(">main phases</text>");
        assertThat(Pattern.compile("<rect ").matcher(page).results().count()).isEqualTo(4);
        assertThat(page).contains("<title>INDEX i (indexes and constraints): 0.20 s, from 0.70 s</title>");
    }

    @Test
    void theThroughputIsDrawnAndTheSlowestTableComesFirst() {
        assertThat(page).contains("aria-label=\"throughput\"").contains("<title>peak 976.6 kB/s</title>");
        String slowest = page.substring(page.indexOf("<h2>Slowest tables</h2>"));
        assertThat(slowest.indexOf("public.&lt;script")).isLessThan(slowest.indexOf("public.small"));
    }

    @Test
    void aCommandsSectionsFollowWithTheirCellsMarkedBySeverity() {
        assertThat(page).contains("<h2>Check findings &lt;script&gt;").contains("<td class=\"warn\">WARNING</td>");
    }

    @Test
    void aRunWithoutBytesOrItemsSaysSoInsteadOfDrawingEmptyCharts() {
        RunReport r = Reports.sample(true);
        String empty = HtmlReport.toHtml(new RunReport("verify", true, 0, null, r.started(), r.ended(), "a", "b",
                List.of(), List.of(new Sample(0, 0), new Sample(1, 0)), Contents.NONE));
        assertThat(empty).contains("No bytes were moved.").contains("This command reports no phases or items.")
                .contains("No table's rows were moved.").doesNotContain("<svg");
    }

    @Test
    void overlappingSpansOfOneWorkerGoOnRowsOfTheirOwn() {
        List<Lanes.Lane> lanes = Lanes.of(List.of(
                new Span("pgshift-worker-1", Span.ITEM, "data", "a", 0, 2, 0, 0),
                new Span("pgshift-worker-1", Span.ITEM, "data", "b", 1, 2, 0, 0),
                new Span("pgshift-worker-10", Span.ITEM, "data", "c", 0, 1, 0, 0),
                new Span("pgshift-worker-2", Span.ITEM, "data", "d", 0, 1, 0, 0),
                new Span("upgrade", Span.STEP, "check", "check", 0, 1, 0, 0)));
        assertThat(lanes).extracting(Lanes.Lane::label).containsExactly("steps", "worker-1", "worker-1 +1",
                "worker-2", "worker-10");
    }

    @Test
    void aLongRowLabelKeepsItsEnd() {
        assertThat(TimelineSvg.shortened("database-a_very_long_database_name phases"))
                .isEqualTo("\u2026ery_long_database_name phases").hasSize(30);
    }

    @Test
    void aRetryThatTakesBytesBackReadsAsNoThroughputRatherThanANegativeOne() {
        assertThat(ThroughputSvg.rates(List.of(new Sample(0, 0), new Sample(1, 500), new Sample(2, 100))))
                .extracting(ThroughputSvg.Rate::bytesPerSecond).containsExactly(500.0, 0.0);
    }
}
