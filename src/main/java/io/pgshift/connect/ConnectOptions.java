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
 * @param channelBinding        channel_binding as given, or null; likewise the GSSAPI settings
 */
record ConnectOptions(String applicationName, int connectTimeoutSeconds, String options,
        TargetSessionAttrs targetSessionAttrs, boolean loadBalanceHosts, boolean keepalives,
        String channelBinding, String gssEncMode, String krbSrvName, String gssLib) {

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
        return new ConnectOptions(applicationName, timeout, options, targetSessionAttrs, loadBalance, keepalives,
                s.oneOf(Keyword.CHANNEL_BINDING, "disable", "prefer", "require"),
                s.oneOf(Keyword.GSSENCMODE, "disable", "prefer", "require"),
                s.nonEmpty(Keyword.KRBSRVNAME), s.nonEmpty(Keyword.GSSLIB));
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
