package io.pgshift.data;

import java.io.IOException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure means the connection went away (a network cut, a server that restarted or ended the session),
 * as opposed to the server refusing a statement. Only the first kind is worth a new connection and another try:
 * a statement that was refused would be refused again.
 */
public final class ConnectionLoss {
    /** admin_shutdown, crash_shutdown and cannot_connect_now: the server ended or is not yet taking sessions. */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

    private ConnectionLoss() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || SERVER_GONE.contains(s.getSQLState()))) {
                return true;
            }
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }
}
