package io.pgshift.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class JsonReportTest {
    private static JsonNode json(RunReport report) throws Exception {
        return new ObjectMapper().readTree(JsonReport.toJson(report));
    }

    @Test
    void theRunsFieldsComeFirstWithTheOutcomeAndBothEnds() throws Exception {
        JsonNode json = json(Reports.sample(false));
        assertThat(json.fieldNames()).toIterable().startsWith("reportFormat", "command", "succeeded", "exitCode",
                "error", "started", "ended", "took", "source", "target");
        assertThat(json.get("command").asText()).isEqualTo("copy");
        assertThat(json.get("succeeded").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(9);
        assertThat(json.get("error").asText()).startsWith("failed on <script>");
        assertThat(json.get("started").asText()).isEqualTo("2026-12-07T10:00:00Z");
        assertThat(json.get("took").asDouble()).isEqualTo(5.0);
    }

    @Test
    void theCommandsResultIsMergedAtTheTopWithoutReplacingTheRunsFields() throws Exception {
        JsonNode json = json(Reports.sample(true));
        assertThat(json.get("objects").asInt()).isEqualTo(7);
        assertThat(json.get("source").asText()).startsWith("admin@old-");
        assertThat(json.get("error").isNull()).isTrue();
    }

    @Test
    void theTimelineThroughputAndSlowestTablesAreThere() throws Exception {
        JsonNode json = json(Reports.sample(true));
        assertThat(json.get("timeline")).hasSize(4);
        JsonNode item = json.get("timeline").get(1);
        assertThat(item.get("worker").asText()).isEqualTo("pgshift-worker-1");
        assertThat(item.get("kind").asText()).isEqualTo("item");
        assertThat(item.get("start").asDouble()).isEqualTo(0.1);
        assertThat(item.get("seconds").asDouble()).isEqualTo(3.5);
        assertThat(json.get("throughput").get(3).get("bytes").asLong()).isEqualTo(3_000_000);
        assertThat(json.get("slowestTables")).hasSize(2);
        assertThat(json.get("slowestTables").get(0).get("name").asText()).startsWith("public.<script>");
    }
}
