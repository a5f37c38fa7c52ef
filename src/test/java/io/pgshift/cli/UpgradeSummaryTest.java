package io.pgshift.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.pgshift.server.ServerDatabases;
import io.pgshift.upgrade.UpgradeReport;

import static org.assertj.core.api.Assertions.assertThat;

class UpgradeSummaryTest {
    private static String print(List<ServerDatabases.Skipped> skipped) {
        UpgradeReport report = new UpgradeReport(Instant.EPOCH, Duration.ofSeconds(3), Map.of(), "12", "17", List.of(),
                List.of(), skipped, null, List.of(), null);
        StringWriter out = new StringWriter();
        UpgradeSummary.print(report, new PrintWriter(out));
        return out.toString();
    }

    @Test
    void eachSkippedDatabaseIsALineWithItsReason() {
        String summary = print(List.of(new ServerDatabases.Skipped("azure_maintenance", "the Azure service's own database"),
                new ServerDatabases.Skipped("template1", "a template database, the target has its own")));

        assertThat(summary).contains("  skipped databases:\n")
                .containsPattern("\n    azure_maintenance +the Azure service's own database\n")
                .containsPattern("\n    template1 +a template database, the target has its own\n");
    }

    @Test
    void withNothingSkippedThereIsNoBlock() {
        assertThat(print(List.of())).doesNotContain("skipped databases");
    }
}
