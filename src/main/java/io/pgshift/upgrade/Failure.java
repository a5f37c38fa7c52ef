package io.pgshift.upgrade;

import io.pgshift.ErrorCode;

/** Why an upgrade did not finish: the first step that failed, with the exit code its error carries. */
public record Failure(Step step, ErrorCode code, String message) {
}
