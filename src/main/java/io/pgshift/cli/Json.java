package io.pgshift.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

/** The JSON that commands print with --json: the library's report objects, indented, as they are. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static String write(Object report) {
        try {
            return MAPPER.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new PgShiftException(ErrorCode.INTERNAL, "cannot write the report as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
