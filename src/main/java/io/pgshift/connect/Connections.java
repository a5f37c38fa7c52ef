package io.pgshift.connect;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.postgresql.PGConnection;

/** What every kind of worker does with its connections when a run stops. */
public final class Connections {
    private Connections() {
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

    /**
     * Closes the connection's socket from another thread, without the goodbye a close sends: a session whose peer
     * no longer answers would block a close too. The worker's blocked read then fails as a lost connection.
     */
    public static void abort(Connection connection) {
        try {
            if (connection != null && !connection.isClosed()) {
                connection.abort(Runnable::run);
            }
        } catch (SQLException ignored) {
            // Aborting is best effort; the stall then ends with the kernel's own timeouts.
        }
    }

    /** The server process of the session, or 0 when it is unknown. */
    public static int backendPid(Connection connection) {
        try {
            return connection == null ? 0 : connection.unwrap(PGConnection.class).getBackendPID();
        } catch (SQLException e) {
            return 0;
        }
    }

    /**
     * Ends another server process of the run's own user and waits, up to ten seconds, until it is gone: a process
     * whose client vanished keeps its transaction open, and its locks, until it notices.
     */
    public static void terminate(Connection session, int pid) throws SQLException {
        if (pid == 0) {
            return;
        }
        try (PreparedStatement st = session.prepareStatement("SELECT pg_catalog.pg_terminate_backend(?)")) {
            st.setInt(1, pid);
            st.execute();
        } catch (SQLException e) {
            // Gone already, or not ours to end; either way nothing is left to wait for that we could end.
            return;
        }
        try (PreparedStatement st = session.prepareStatement(
                "SELECT 1 FROM pg_catalog.pg_stat_activity WHERE pid = ?")) {
            st.setInt(1, pid);
            for (int i = 0; i < 100; i++) {
                try (ResultSet rs = st.executeQuery()) {
                    if (!rs.next()) {
                        return;
                    }
                }
                sleep(100);
            }
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
