package io.pgshift.data;

import java.sql.SQLException;

/**
 * A failure that came from the source's side of a copy: its COPY was refused or its connection went away. It
 * keeps the cause's SQLState, so that {@link ConnectionLoss} reads it as it would the cause, and lets the run say
 * which server failed and exit with the source's code.
 */
public final class SourceFailure extends SQLException {
    public SourceFailure(SQLException cause) {
        super(cause.getMessage(), cause.getSQLState(), cause);
    }
}
