package io.pgshift.run;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/** What every kind of worker does with its connections when a run stops. */
public final class Workers {
    private Workers() {
    }

    /** Cancels the connection's running statement from another thread; best effort. */
    public static void cancel(Connection connection) {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.unwrap(PGConnection.class).cancelQuery();
            }
        } catch (SQLException ignored) {
            // The worker's own failure or close ends the statement anyway.
        }
    }

    public static void closeQuietly(Connection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // Closing is best effort; the server ends the session when the socket goes.
        }
    }
}
