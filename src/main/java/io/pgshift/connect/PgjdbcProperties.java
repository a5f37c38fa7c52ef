package io.pgshift.connect;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.StringJoiner;

/**
 * libpq's settings as a pgjdbc URL and properties.
 *
 * <ul>
 * <li>The URL holds the hosts and the database only; everything else, and above all the
 *     password, goes into the {@link Properties}, which are never logged. With no password,
 *     {@link NoPasswordPlugin} keeps pgjdbc from reading {@code ~/.pgpass} behind pgshift's back.
 * <li>{@code connect_timeout} becomes pgjdbc's per-socket {@code connectTimeout}, and a
 *     {@code loginTimeout} covering every host and the SSL retry bounds the whole attempt.
 * <li>Keepalives' timing: see {@link KeepaliveSocketFactory}.
 * <li>The SSL settings: see {@link SslProperties}.
 * </ul>
 */
final class PgjdbcProperties {

    private PgjdbcProperties() {
    }

    /** {@code jdbc:postgresql://host:port[,host:port...]/dbname}, URL-encoded. */
    static String url(ConnInfo info) {
        StringJoiner hosts = new StringJoiner(",");
        for (ConnInfo.Host h : info.hosts()) {
            hosts.add(h.address());
        }
        // pgjdbc decodes the database name with URLDecoder, so URLEncoder is the exact inverse.
        return "jdbc:postgresql://" + hosts + "/" + URLEncoder.encode(info.dbname(), StandardCharsets.UTF_8);
    }

    static Properties of(ConnInfo info) {
        ConnectOptions o = info.connectOptions();
        Properties p = new Properties();
        p.setProperty("user", info.user());
        info.password().ifPresentOrElse(pw -> p.setProperty("password", pw),
                () -> p.setProperty("authenticationPluginClassName", NoPasswordPlugin.class.getName()));
        p.setProperty("ApplicationName", o.applicationName());
        // Lets pgjdbc put application_name into the startup packet (as libpq does), so that it shows
        // in the server's connection log; pgshift does not talk to servers older than 9.0 anyway.
        p.setProperty("assumeMinServerVersion", "9.0");
        int timeout = o.connectTimeoutSeconds();
        p.setProperty("connectTimeout", Integer.toString(timeout));
        if (timeout > 0) {
            SslMode m = info.sslMode();
            int attemptsPerHost = m == SslMode.ALLOW || m == SslMode.PREFER ? 2 : 1;
            p.setProperty("loginTimeout", Integer.toString(timeout * info.hosts().size() * attemptsPerHost));
        }
        p.setProperty("tcpKeepAlive", Boolean.toString(o.keepalives()));
        if (o.keepalives()) {
            ConnectOptions.Keepalives t = o.keepaliveTiming();
            p.setProperty("socketFactory", KeepaliveSocketFactory.class.getName());
            p.setProperty("socketFactoryArg", KeepaliveSocketFactory.argument(t.idle(), t.interval(), t.count()));
        }
        setIfGiven(p, "options", startupOptions(info));
        if (o.targetSessionAttrs() != TargetSessionAttrs.ANY) {
            p.setProperty("targetServerType", o.targetSessionAttrs().pgjdbcTargetServerType());
        }
        if (o.loadBalanceHosts()) {
            p.setProperty("loadBalanceHosts", "true");
        }
        setIfGiven(p, "channelBinding", o.channelBinding());
        setIfGiven(p, "gssEncMode", o.gssEncMode());
        setIfGiven(p, "kerberosServerName", o.krbSrvName());
        setIfGiven(p, "gsslib", o.gssLib());
        SslProperties.add(info, p);
        return p;
    }

    /**
     * libpq's options, with the session role and lock timeout added as settings of the startup packet: each session
     * starts with them, before pgshift runs anything in it.
     */
    static String startupOptions(ConnInfo info) {
        StringJoiner options = new StringJoiner(" ");
        info.options().ifPresent(options::add);
        info.role().ifPresent(role -> options.add("-c role=" + escaped(role)));
        info.lockTimeout().ifPresent(timeout -> options.add("-c lock_timeout=" + escaped(timeout)));
        return options.length() == 0 ? null : options.toString();
    }

    /** The server splits options at white space, and a backslash keeps the next character as it is. */
    private static String escaped(String value) {
        StringBuilder b = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '\\' || Character.isWhitespace(c)) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }

    /** Leaves pgjdbc's own default in place when libpq's setting was not given. */
    static void setIfGiven(Properties p, String name, String value) {
        if (value != null) {
            p.setProperty(name, value);
        }
    }
}
