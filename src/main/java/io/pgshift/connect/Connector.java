package io.pgshift.connect;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.StringJoiner;

import javax.net.ssl.SSLException;

/**
 * Opens pgjdbc connections for a {@link ConnInfo} so that they behave as libpq would, and turns
 * every failure into one {@link PgShiftException} line that names the server.
 *
 * <p>How libpq's settings become pgjdbc's:
 * <ul>
 * <li>The password goes only into the {@link Properties}, never into the URL. With no password,
 *     {@link NoPasswordPlugin} keeps pgjdbc from reading {@code ~/.pgpass} behind pgshift's back.
 * <li>{@code sslmode}: disable, allow, prefer, verify-ca and verify-full are passed as they are
 *     (pgjdbc's meanings match libpq's). {@code require} follows libpq's documented rule: it checks
 *     the server certificate like verify-ca when a root certificate file exists, and does not check
 *     it otherwise, whereas pgjdbc's own {@code require} never checks. pgjdbc is handed the root
 *     certificate path explicitly, resolved from pgshift's {@link Environment}, not its own
 *     {@code user.home} default.
 * <li>{@code sslrootcert=system}: Java's trusted roots, through pgjdbc's DefaultJavaSSLFactory.
 * <li>allow / prefer: libpq also checks the certificate when a root file exists and, for prefer,
 *     falls back to a plain connection when the check fails; pgjdbc never checks in these modes.
 *     Neither protects against an active attacker, so pgjdbc's behaviour is kept.
 * <li>{@code connect_timeout} becomes pgjdbc's per-socket {@code connectTimeout}, and a
 *     {@code loginTimeout} covering every host and the SSL retry bounds the whole attempt.
 * </ul>
 */
public final class Connector {

    private static final String DEFAULT_JAVA_SSL_FACTORY = "org.postgresql.ssl.DefaultJavaSSLFactory";

    private Connector() {
    }

    /**
     * Opens a connection.
     *
     * @throws PgShiftException CONNECTION, AUTHENTICATION, SSL or DATABASE_NOT_FOUND, with the
     *                          driver's exception as cause
     */
    public static Connection open(ConnInfo info) {
        Properties props = jdbcProperties(info);
        try {
            return DriverManager.getConnection(jdbcUrl(info), props);
        } catch (SQLException e) {
            throw translate(e, info);
        } finally {
            props.clear();
        }
    }

    /**
     * {@code jdbc:postgresql://host:port[,host:port...]/dbname}: hosts (or hostaddr addresses)
     * and the database only, URL-encoded. Never a password or any other setting.
     */
    public static String jdbcUrl(ConnInfo info) {
        StringJoiner hosts = new StringJoiner(",");
        for (ConnInfo.Host h : info.hosts()) {
            hosts.add(ConnInfo.bracketed(h.connectTo()) + ":" + h.port());
        }
        // pgjdbc decodes the database name with URLDecoder, so URLEncoder is the exact inverse.
        return "jdbc:postgresql://" + hosts + "/" + URLEncoder.encode(info.dbname(), StandardCharsets.UTF_8);
    }

    /**
     * The pgjdbc properties, the password included: do not log them.
     *
     * @throws PgShiftException SSL, when the SSL settings cannot work (a missing root certificate
     *                          for verify-ca / verify-full, an unusable client key)
     */
    public static Properties jdbcProperties(ConnInfo info) {
        Properties p = new Properties();
        p.setProperty("user", info.user());
        info.password().ifPresentOrElse(pw -> p.setProperty("password", pw),
                () -> p.setProperty("authenticationPluginClassName", NoPasswordPlugin.class.getName()));
        p.setProperty("ApplicationName", info.applicationName());
        // Lets pgjdbc put application_name into the startup packet (as libpq does), so that it shows
        // in the server's connection log; pgshift does not talk to servers older than 9.0 anyway.
        p.setProperty("assumeMinServerVersion", "9.0");
        int timeout = info.connectTimeoutSeconds();
        p.setProperty("connectTimeout", Integer.toString(timeout));
        if (timeout > 0) {
            SslMode m = info.sslMode();
            int attemptsPerHost = m == SslMode.ALLOW || m == SslMode.PREFER ? 2 : 1;
            p.setProperty("loginTimeout", Integer.toString(timeout * info.hosts().size() * attemptsPerHost));
        }
        p.setProperty("tcpKeepAlive", Boolean.toString(info.keepalives()));
        info.options().ifPresent(o -> p.setProperty("options", o));
        if (info.targetSessionAttrs() != TargetSessionAttrs.ANY) {
            p.setProperty("targetServerType", info.targetSessionAttrs().pgjdbcTargetServerType());
        }
        if (info.loadBalanceHosts()) {
            p.setProperty("loadBalanceHosts", "true");
        }
        info.channelBinding().ifPresent(v -> p.setProperty("channelBinding", v));
        info.gssEncMode().ifPresent(v -> p.setProperty("gssEncMode", v));
        info.krbSrvName().ifPresent(v -> p.setProperty("kerberosServerName", v));
        info.gssLib().ifPresent(v -> p.setProperty("gsslib", v));
        info.sslNegotiation().ifPresent(v -> p.setProperty("sslNegotiation", v));
        sslProperties(info, p);
        return p;
    }

    private static void sslProperties(ConnInfo info, Properties p) {
        SslMode mode = info.sslMode();
        if (mode == SslMode.DISABLE) {
            p.setProperty("sslmode", "disable");
            return;
        }
        String where = info.describe();
        switch (mode) {
            case ALLOW, PREFER -> p.setProperty("sslmode", mode.libpqName());
            case REQUIRE -> {
                if (info.sslRootCertExists()) {
                    // libpq: "if a root CA file exists, ... verified as if verify-ca was specified"
                    p.setProperty("sslmode", SslMode.VERIFY_CA.libpqName());
                    p.setProperty("sslrootcert", info.sslRootCert().orElseThrow().toString());
                } else {
                    p.setProperty("sslmode", "require"); // pgjdbc: encrypt, accept any certificate
                }
            }
            case VERIFY_CA, VERIFY_FULL -> {
                p.setProperty("sslmode", mode.libpqName());
                if (info.sslRootCertIsSystem()) {
                    p.setProperty("sslfactory", DEFAULT_JAVA_SSL_FACTORY);
                } else if (info.sslRootCert().isEmpty()) {
                    throw new PgShiftException(ErrorCode.SSL, "cannot connect to " + where
                            + ": could not get home directory to locate root certificate file; provide"
                            + " sslrootcert, use sslrootcert=system, or change sslmode to disable server"
                            + " certificate verification");
                } else if (!info.sslRootCertExists()) {
                    throw new PgShiftException(ErrorCode.SSL, "cannot connect to " + where
                            + ": root certificate file \"" + info.sslRootCert().get() + "\" does not exist;"
                            + " provide the file, use the system's trusted roots with sslrootcert=system,"
                            + " or change sslmode to disable server certificate verification");
                } else {
                    p.setProperty("sslrootcert", info.sslRootCert().get().toString());
                }
                if (mode == SslMode.VERIFY_FULL) {
                    hostaddrVerifier(info, p);
                }
            }
            default -> throw new IllegalStateException(mode.name());
        }
        info.sslClientCertProblem().ifPresent(problem -> {
            throw new PgShiftException(ErrorCode.SSL, "cannot connect to " + where + ": " + problem);
        });
        if (!info.sslRootCertIsSystem()) {
            // Always explicit: an empty value stops pgjdbc from falling back to files under its
            // own user.home, which need not be the home pgshift resolved.
            p.setProperty("sslcert", info.sslCert().map(Object::toString).orElse(""));
            p.setProperty("sslkey", info.sslKey().map(Object::toString).orElse(""));
        }
        info.sslPassword().ifPresent(v -> p.setProperty("sslpassword", v));
    }

    private static void hostaddrVerifier(ConnInfo info, Properties p) {
        StringJoiner names = new StringJoiner(",");
        for (ConnInfo.Host h : info.hosts()) {
            if (h.hostaddr() != null && h.host() != null) {
                names.add(ConnInfo.bracketed(h.hostaddr()) + "=" + ConnInfo.bracketed(h.host()));
            }
        }
        if (names.length() > 0) {
            p.setProperty("sslhostnameverifier", HostAddressVerifier.class.getName());
            p.setProperty(HostAddressVerifier.NAMES_PROPERTY, names.toString());
        }
    }

    // ---- errors ------------------------------------------------------------------------------

    /**
     * One line for the user, naming the server; the SQLException stays as the cause. Neither the
     * message nor the added hints contain the password.
     */
    public static PgShiftException translate(SQLException e, ConnInfo info) {
        String where = info.describe();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        ServerErrorMessage server = e instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
        String serverText = server == null ? null : clean(server.getMessage(), info);
        String text = clean(e.getMessage(), info);

        if (server != null) {
            switch (state) {
                case "28P01" -> {
                    return auth(info, where, serverText + passwordOrigin(info), e);
                }
                case "28000" -> {
                    String lower = serverText.toLowerCase(Locale.ROOT);
                    if (lower.contains("pg_hba.conf") && (lower.contains("no encryption") || lower.contains("ssl off"))
                            && info.sslMode() == SslMode.DISABLE) {
                        return new PgShiftException(ErrorCode.SSL, "cannot connect to " + where + ": "
                                + serverText + " (the server requires SSL: use sslmode=require or stronger)", e);
                    }
                    return auth(info, where, serverText, e);
                }
                case "3D000" -> {
                    return new PgShiftException(ErrorCode.DATABASE_NOT_FOUND,
                            "database \"" + info.dbname() + "\" does not exist on " + where, e);
                }
                default -> {
                    return new PgShiftException(ErrorCode.CONNECTION, "cannot connect to " + where + ": " + serverText, e);
                }
            }
        }
        if (text.contains(NoPasswordPlugin.class.getName()) || text.contains("no password was provided")) {
            String hint = info.passfileWarning().map(w -> "; " + w).orElse("");
            return auth(info, where, "the server asked for a password, but none was given (use the"
                    + " connection string, PGPASSWORD or a password file)" + hint, e);
        }
        if (isSsl(e, text)) {
            return new PgShiftException(ErrorCode.SSL, sslMessage(e, text, info, where), e);
        }
        if (has(e, ConnectException.class)) {
            return new PgShiftException(ErrorCode.CONNECTION, "cannot connect to " + where
                    + ": connection refused (is the server running and accepting TCP connections on "
                    + targets(info) + "?)", e);
        }
        UnknownHostException unknown = find(e, UnknownHostException.class);
        if (unknown != null) {
            String host = info.hosts().size() == 1 ? info.host().connectTo() : clean(unknown.getMessage(), info);
            return new PgShiftException(ErrorCode.CONNECTION, "cannot connect to " + where
                    + ": could not translate host name \"" + host + "\" to address (unknown host)", e);
        }
        if (has(e, NoRouteToHostException.class)) {
            return new PgShiftException(ErrorCode.CONNECTION, "cannot connect to " + where
                    + ": no route to host " + targets(info), e);
        }
        if (has(e, SocketTimeoutException.class) || text.contains("timed out")) {
            String limit = info.connectTimeoutSeconds() > 0
                    ? "connect_timeout=" + info.connectTimeoutSeconds() + "; " : "";
            return new PgShiftException(ErrorCode.CONNECTION, "cannot connect to " + where
                    + ": timeout expired (" + limit + "is " + targets(info)
                    + " reachable, and not blocked by a firewall?)", e);
        }
        if (has(e, EOFException.class)) {
            return new PgShiftException(ErrorCode.CONNECTION, "cannot connect to " + where
                    + ": the server closed the connection unexpectedly", e);
        }
        if ("08P01".equals(state) && text.contains("SSL")) {
            // pgjdbc: the answer to the SSL request was not one a PostgreSQL server gives
            return new PgShiftException(ErrorCode.CONNECTION, "cannot connect to " + where
                    + ": the server did not answer like a PostgreSQL server (is " + targets(info)
                    + " really a PostgreSQL port?)", e);
        }
        return new PgShiftException(ErrorCode.CONNECTION, "cannot connect to " + where + ": " + text, e);
    }

    private static PgShiftException auth(ConnInfo info, String where, String detail, SQLException e) {
        return new PgShiftException(ErrorCode.AUTHENTICATION,
                "authentication failed for user \"" + info.user() + "\" on " + where + ": " + detail, e);
    }

    /** libpq adds "password retrieved from file ..." to a wrong-password error; so does pgshift. */
    private static String passwordOrigin(ConnInfo info) {
        return info.passwordSource().map(s -> " (password from " + s + ")")
                .orElseGet(() -> info.passfileWarning().map(w -> " (" + w + ")").orElse(""));
    }

    /**
     * SSL trouble: an SSL or certificate exception in the chain, or one of pgjdbc's SSL messages
     * (English; under another JVM locale the exception types still tell).
     */
    private static boolean isSsl(SQLException e, String text) {
        if (has(e, SSLException.class) || has(e, GeneralSecurityException.class)) {
            return true;
        }
        for (String marker : SSL_MESSAGES) {
            if (text.contains(marker)) {
                return true;
            }
        }
        return false;
    }

    private static final String[] SSL_MESSAGES = {
        "does not support SSL", "hostnameverifier", "SSL error", "SSL root certificate",
        "SSL certificate", "SSL key file", "SSL context", "SSL password", "SSLSocketFactory",
    };

    private static String sslMessage(SQLException e, String text, ConnInfo info, String where) {
        String prefix = "SSL connection to " + where + " failed: ";
        if (text.contains("does not support SSL")) {
            return "cannot connect to " + where + ": the server does not support SSL, but sslmode="
                    + info.sslMode() + " requires it";
        }
        if (text.contains("hostnameverifier")) {
            return prefix + "the server certificate does not match the host name (sslmode="
                    + info.sslMode() + " checks it)";
        }
        Throwable certProblem = find(e, java.security.cert.CertPathValidatorException.class);
        if (certProblem == null) {
            certProblem = find(e, java.security.cert.CertPathBuilderException.class);
        }
        if (certProblem == null) {
            certProblem = find(e, java.security.cert.CertificateException.class);
        }
        if (certProblem != null) {
            String root = info.sslRootCertIsSystem() ? "the system's trusted roots"
                    : info.sslRootCert().map(r -> "root certificate file \"" + r + "\"").orElse("the root certificates");
            return prefix + "the server certificate could not be verified against " + root + ": "
                    + clean(certProblem.getMessage(), info);
        }
        return prefix + text;
    }

    private static String targets(ConnInfo info) {
        StringJoiner j = new StringJoiner(", ");
        for (ConnInfo.Host h : info.hosts()) {
            j.add(ConnInfo.bracketed(h.connectTo()) + ":" + h.port());
        }
        return j.toString();
    }

    /**
     * The first line of a driver or server message, with the password masked should it ever be
     * quoted. (Very short passwords, or ones equal to the user name, are not masked: masking them
     * would garble the message without hiding anything.)
     */
    private static String clean(String message, ConnInfo info) {
        if (message == null || message.isBlank()) {
            return "unknown error";
        }
        String line = message.strip();
        int nl = line.indexOf('\n');
        if (nl >= 0) {
            line = line.substring(0, nl).strip();
        }
        for (String secret : new String[] {info.password().orElse(null), info.sslPassword().orElse(null)}) {
            if (secret != null && secret.length() >= 4 && !secret.equals(info.user())) {
                line = line.replace(secret, "********");
            }
        }
        return line;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        return find(t, type) != null;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
