package io.pgshift;

/**
 * The one exception type pgshift's library throws. Its message is a single line fit for a user:
 * it names what failed and never contains a password.
 */
public class PgShiftException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public PgShiftException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public PgShiftException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }
}
