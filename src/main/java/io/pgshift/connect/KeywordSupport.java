package io.pgshift.connect;

import java.util.List;

/**
 * What pgshift does with the libpq keywords it cannot carry out (see {@link Keyword.Support}):
 * an unsupported keyword with a value is refused with the reason, because connecting without it
 * would quietly do something else than psql; an ignored one is still validated, so that a
 * connection string psql rejects is not accepted here.
 */
final class KeywordSupport {

    /** Ignored, but libpq checks that they are integers. */
    private static final List<Keyword> IGNORED_INTEGERS = List.of(Keyword.TCP_USER_TIMEOUT);

    private KeywordSupport() {
    }

    static void check(Settings s, List<String> warn) {
        refuseUnsupported(s, warn);
        for (Keyword k : IGNORED_INTEGERS) {
            String v = s.nonEmpty(k);
            if (v != null) {
                s.parseInt(k, v); // validated like libpq, then left to the operating system defaults
                warn.add(k.libpqName + " is not applied: Java cannot set TCP_USER_TIMEOUT; keepalives and "
                        + "--stall-timeout end a connection that stops answering");
            }
        }
    }

    private static void refuseUnsupported(Settings s, List<String> warn) {
        for (Keyword k : s.keywords()) {
            if (k.support != Keyword.Support.UNSUPPORTED || s.get(k).isEmpty()
                    || k == Keyword.SSLCRL || k == Keyword.SSLCRLDIR) { // depend on sslmode: see SslConfig
                continue;
            }
            if (k == Keyword.SERVICE && !s.fromString(k)) {
                // A PGSERVICE exported for psql should not stop pgshift; a service= written here is refused.
                warn.add("PGSERVICE is set, but pgshift does not read pg_service.conf; it is ignored"
                        + " (give the connection settings explicitly)");
                continue;
            }
            String why = switch (k) {
                case SERVICE -> "pgshift does not read pg_service.conf; give the settings explicitly";
                case REQUIRE_AUTH -> "pgjdbc cannot restrict the authentication methods";
                case REPLICATION -> "pgshift does not use replication connections";
                case SSLKEYLOGFILE -> "pgjdbc cannot write TLS key logs";
                case MIN_PROTOCOL_VERSION, MAX_PROTOCOL_VERSION -> "pgjdbc chooses the protocol version itself";
                default -> "pgjdbc has no equivalent";
            };
            throw s.notSupported(k, why);
        }
    }
}
