package io.pgshift.connect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.postgresql.PGConnection;

/**
 * Every session pgshift opened that is still open, so that an interrupted run can cancel what its sessions are
 * doing. A server does not notice that its client went away while it runs a statement (an index build, a COPY
 * that waits for a lock) and would go on for as long as the statement lasts; a cancel request ends it at once.
 * Sessions are held weakly: one that was closed and dropped is forgotten.
 */
public final class OpenSessions {
    private static final Map<Connection, Boolean> SESSIONS = Collections.synchronizedMap(new WeakHashMap<>());

    private OpenSessions() {
    }

    static Connection register(Connection c) {
        SESSIONS.put(c, Boolean.TRUE);
        return c;
    }

    /**
     * Sends a cancel request for each open session's running statement, all at once, and waits for them at most
     * the given time: a server that no longer answers must not hold the exit.
     *
     * @return how many sessions were open
     */
    public static int cancelAll(long waitMillis) {
        List<Connection> open;
        synchronized (SESSIONS) {
            open = new ArrayList<>(SESSIONS.keySet());
        }
        List<Thread> cancels = new ArrayList<>();
        int count = 0;
        for (Connection c : open) {
            try {
                if (c.isClosed()) {
                    continue;
                }
            } catch (SQLException e) {
                continue;
            }
            count++;
            Thread t = new Thread(() -> {
                try {
                    c.unwrap(PGConnection.class).cancelQuery();
                } catch (SQLException ignored) {
                    // Best effort: the session may be gone already.
                }
            }, "pgshift-cancel");
            t.setDaemon(true);
            t.start();
            cancels.add(t);
        }
        long deadline = System.currentTimeMillis() + waitMillis;
        for (Thread t : cancels) {
            try {
                t.join(Math.max(1, deadline - System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return count;
    }
}
