package io.pgshift.connect;

/**
 * The settings besides where, who and SSL, each resolved to what pgjdbc gets: libpq's
 * defaults, except where pgshift has to pick its own (see {@link ConnInfo}'s constants).
 *
 * @param applicationName       application_name, else fallback_application_name, else "pgshift"
 * @param connectTimeoutSeconds seconds to wait for each host; 0 means forever (libpq's meaning
 *                              of 0 and negative values)
 * @param options               the server command-line options (options, PGOPTIONS), or null
 * @param loadBalanceHosts      load_balance_hosts=random
 * @param keepalives            TCP keepalives (libpq's keepalives, default on)
 * @param keepaliveTiming       idle seconds, interval seconds and probe count for keepalives: libpq's
 *                              keepalives_idle, keepalives_interval and keepalives_count, else pgshift's defaults
 * @param channelBinding        channel_binding as given, or null; likewise the GSSAPI settings
 */
record ConnectOptions(String applicationName, int connectTimeoutSeconds, String options,
        TargetSessionAttrs targetSessionAttrs, boolean loadBalanceHosts, boolean keepalives, Keepalives keepaliveTiming,
        String channelBinding, String gssEncMode, String krbSrvName, String gssLib) {

    /**
     * Keepalive timing when none is given: a first probe after a minute of silence, then every 10 s, and the
     * connection given up after 6 unanswered ones. libpq leaves it to the operating system, whose two hours suit
     * no migration: a server that vanished would hold a run that long.
     */
    static final Keepalives DEFAULT_KEEPALIVE_TIMING = new Keepalives(60, 10, 6);

    /** Seconds of silence before the first probe, seconds between probes, probes unanswered before giving up. */
    record Keepalives(int idle, int interval, int count) {
    }

    static ConnectOptions resolve(Settings s) {
        String appName = s.nonEmpty(Keyword.APPLICATION_NAME);
        String fallback = s.nonEmpty(Keyword.FALLBACK_APPLICATION_NAME);
        String applicationName = appName != null ? appName
                : fallback != null ? fallback : ConnInfo.DEFAULT_APPLICATION_NAME;
        int timeout = connectTimeout(s);
        String options = s.nonEmpty(Keyword.OPTIONS);
        String tsa = s.get(Keyword.TARGET_SESSION_ATTRS);
        TargetSessionAttrs targetSessionAttrs = tsa == null ? TargetSessionAttrs.ANY
                : TargetSessionAttrs.fromLibpqName(tsa)
                        .orElseThrow(() -> s.invalidValue(Keyword.TARGET_SESSION_ATTRS, tsa));
        boolean loadBalance = "random".equals(s.oneOf(Keyword.LOAD_BALANCE_HOSTS, "disable", "random"));
        String ka = s.nonEmpty(Keyword.KEEPALIVES);
        boolean keepalives = ka == null || s.parseInt(Keyword.KEEPALIVES, ka) != 0;
        Keepalives timing = new Keepalives(positive(s, Keyword.KEEPALIVES_IDLE, DEFAULT_KEEPALIVE_TIMING.idle()),
                positive(s, Keyword.KEEPALIVES_INTERVAL, DEFAULT_KEEPALIVE_TIMING.interval()),
                positive(s, Keyword.KEEPALIVES_COUNT, DEFAULT_KEEPALIVE_TIMING.count()));
        return new ConnectOptions(applicationName, timeout, options, targetSessionAttrs, loadBalance, keepalives,
                timing,
                s.oneOf(Keyword.CHANNEL_BINDING, "disable", "prefer", "require"),
                s.oneOf(Keyword.GSSENCMODE, "disable", "prefer", "require"),
                s.nonEmpty(Keyword.KRBSRVNAME), s.nonEmpty(Keyword.GSSLIB));
    }

    /** libpq: zero or less, like an absent value, leaves the system's default; pgshift's then applies. */
    private static int positive(Settings s, Keyword k, int otherwise) {
        String v = s.nonEmpty(k);
        int n = v == null ? 0 : s.parseInt(k, v);
        return n > 0 ? n : otherwise;
    }

    private static int connectTimeout(Settings s) {
        String timeout = s.nonEmpty(Keyword.CONNECT_TIMEOUT);
        if (timeout == null) {
            return ConnInfo.DEFAULT_CONNECT_TIMEOUT_SECONDS;
        }
        int t = s.parseInt(Keyword.CONNECT_TIMEOUT, timeout);
        // libpq: zero or negative waits forever; 1 is taken as 2 (its minimum).
        return t <= 0 ? 0 : Math.max(t, 2);
    }
}
