package io.pgshift.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/** The JSON that commands print with --json: the library's report objects, indented, as they are. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** JSON text read back as a tree, to be placed inside another document. */
    static JsonNode tree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "cannot read back JSON written here: " + e.getOriginalMessage(), e);
        }
    }

    static String write(Object report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "cannot write the report as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
