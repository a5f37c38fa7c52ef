package io.pgshift.upgrade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/**
 * The upgrade report as JSON: durations in seconds (with milliseconds), times in ISO-8601, and at the top
 * whether the run succeeded and the exit code it ended with.
 */
public final class ReportJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .registerModule(new SimpleModule()
                    .addSerializer(Duration.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Duration d, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeNumber(d.toMillis() / 1000.0);
                        }
                    })
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant i, JsonGenerator g, SerializerProvider p) throws IOException {
                            g.writeString(i.toString());
                        }
                    }));

    private ReportJson() {
    }

    /** The mapper of every JSON report pgshift writes: durations in seconds, times in ISO-8601, indented. */
    public static ObjectMapper mapper() {
        return JSON;
    }

    public static String toJson(UpgradeReport report) {
        ObjectNode root = JSON.createObjectNode();
        root.put("succeeded", report.succeeded());
        root.put("exitCode", report.failure() != null ? report.failure().code().exitCode()
                : report.succeeded() ? 0 : ErrorCode.INTERRUPTED.exitCode());
        root.setAll((ObjectNode) JSON.valueToTree(report));
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "cannot write the report: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes the file whole or not at all: a reader never sees half a report. */
    public static void write(UpgradeReport report, Path file) {
        Path temp = file.resolveSibling(file.getFileName() + ".partial");
        try {
            Files.writeString(temp, toJson(report));
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new PgShiftException(ErrorCode.IO, "cannot write the report " + file + ": " + e.getMessage(), e);
        }
    }
}
