package io.pgshift.analyze;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of one stage, handed out largest first. A session is bound to one database, and moving to
 * another costs a new connection (a TLS handshake on a remote server), so a small table is taken from the
 * database the session is already in; a large one goes strictly in order, wherever it is.
 */
final class AnalyzeQueue {
    /** Below this, analyzing a table costs about as much as reconnecting: roughly 1000 pages to read. */
    static final long SWITCH_WORTHY_BYTES = 8L << 20;

    private final Map<String, Deque<AnalyzeTable>> byDatabase = new LinkedHashMap<>();

    AnalyzeQueue(List<AnalyzeTable> tables) {
        tables.stream().sorted(Comparator.comparingLong(AnalyzeTable::bytes).reversed())
                .forEach(t -> byDatabase.computeIfAbsent(t.database(), d -> new ArrayDeque<>()).add(t));
    }

    /** The next table for a session now connected to {@code current} (null if none); null when all are taken. */
    synchronized AnalyzeTable next(String current) {
        Deque<AnalyzeTable> largestQueue = null;
        for (Deque<AnalyzeTable> q : byDatabase.values()) {
            if (!q.isEmpty() && (largestQueue == null || q.peek().bytes() > largestQueue.peek().bytes())) {
                largestQueue = q;
            }
        }
        if (largestQueue == null) {
            return null;
        }
        Deque<AnalyzeTable> own = current == null ? null : byDatabase.get(current);
        if (own != null && !own.isEmpty() && largestQueue.peek().bytes() < SWITCH_WORTHY_BYTES) {
            return own.poll();
        }
        return largestQueue.poll();
    }
}
