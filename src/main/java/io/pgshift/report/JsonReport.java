package io.pgshift.report;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pgshift.upgrade.ReportJson;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * The report as JSON (docs/report.md): what every command writes (command, outcome, times, source, target,
 * timeline, throughput, slowest tables), then the command's own result's fields at the same level, so that the
 * upgrade's report keeps the fields it always had. Durations are seconds, times ISO-8601.
 */
public final class JsonReport {
    /** Raised when a field changes meaning or goes away; new fields do not change it. */
    static final int FORMAT = 1;
    private static final int SLOWEST = 20;

    private static final ObjectMapper JSON = ReportJson.mapper();

    private JsonReport() {
    }

    public static String toJson(RunReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("reportFormat", FORMAT);
        root.put("command", report.command());
        root.put("succeeded", report.succeeded());
        root.put("exitCode", report.exitCode());
        root.put("error", report.error());
        root.put("started", report.started().toString());
        root.put("ended", report.ended().toString());
        root.put("took", report.took().toMillis() / 1000.0);
        root.put("source", report.source());
        root.put("target", report.target());
        Object result = report.contents().result();
        if (result != null) {
            JsonNode tree = JSON.valueToTree(result);
            // The run's own fields win: the result's source or took mean the same, or less.
            for (Iterator<Map.Entry<String, JsonNode>> it = tree.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (!root.has(field.getKey())) {
                    root.set(field.getKey(), field.getValue());
                }
            }
        }
        root.set("timeline", JSON.valueToTree(report.timeline()));
        root.set("throughput", JSON.valueToTree(report.throughput()));
        root.set("slowestTables", JSON.valueToTree(report.slowestTables(SLOWEST)));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "cannot write the report as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
