package io.pgshift.connect;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

import javax.net.ssl.SSLException;

/**
 * Turns a failed pgjdbc connection attempt into one line for the user that names the server and,
 * where it can, says what to do, like libpq's messages. The SQLException stays as the cause.
 * Neither the message nor the hints contain the password.
 */
final class ConnectErrors {

    /** pgjdbc's English SSL messages; under another JVM locale the exception types still tell. */
    private static final String[] SSL_MESSAGES = {
        "does not support SSL", "hostnameverifier", "SSL error", "SSL root certificate",
        "SSL certificate", "SSL key file", "SSL context", "SSL password", "SSLSocketFactory",
    };

    private ConnectErrors() {
    }

    static PgShiftException translate(SQLException e, ConnInfo info) {
        String where = info.describe();
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        ServerErrorMessage server = e instanceof PSQLException pe ? pe.getServerErrorMessage() : null;
        if (server != null) {
            return fromServer(e, state, clean(server.getMessage(), info), info, where);
        }
        String text = clean(e.getMessage(), info);
        if (text.contains(NoPasswordPlugin.class.getName()) || text.contains("no password was provided")) {
            String hint = info.passfileWarning().map(w -> "; " + w).orElse("");
            return auth(info, where, "the server asked for a password, but none was given (use the"
                    + " connection string, PGPASSWORD or a password file)" + hint, e);
        }
        if (isSsl(e, text)) {
            return new PgShiftException(ErrorCode.SSL, sslMessage(e, text, info, where), e);
        }
        if (has(e, ConnectException.class)) {
            return cannotConnect(where, "connection refused (is the server running and accepting TCP"
                    + " connections on " + targets(info) + "?)", e);
        }
        UnknownHostException unknown = find(e, UnknownHostException.class);
        if (unknown != null) {
            String host = info.hosts().size() == 1 ? info.host().connectTo() : clean(unknown.getMessage(), info);
            return cannotConnect(where, "could not translate host name \"" + host + "\" to address (unknown host)", e);
        }
        if (has(e, NoRouteToHostException.class)) {
            return cannotConnect(where, "no route to host " + targets(info), e);
        }
        if (has(e, SocketTimeoutException.class) || text.contains("timed out")) {
            int seconds = info.connectTimeoutSeconds();
            String limit = seconds > 0 ? "connect_timeout=" + seconds + "; " : "";
            return cannotConnect(where, "timeout expired (" + limit + "is " + targets(info)
                    + " reachable, and not blocked by a firewall?)", e);
        }
        if (has(e, EOFException.class)) {
            return cannotConnect(where, "the server closed the connection unexpectedly", e);
        }
        if ("08P01".equals(state) && text.contains("SSL")) {
            // pgjdbc: the answer to the SSL request was not one a PostgreSQL server gives
            return cannotConnect(where, "the server did not answer like a PostgreSQL server (is "
                    + targets(info) + " really a PostgreSQL port?)", e);
        }
        return cannotConnect(where, text, e);
    }

    /** The server refused: its SQLSTATE tells why. */
    private static PgShiftException fromServer(SQLException e, String state, String serverText, ConnInfo info,
            String where) {
        if (info.role().isPresent() && ("42501".equals(state) || "22023".equals(state))
                && serverText.contains("role")) {
            // The session role is set as the session starts: a role the user may not take refuses the login.
            return new PgShiftException(ErrorCode.AUTHENTICATION, "user \"" + info.user() + "\" cannot act as role \""
                    + info.role().get() + "\" (--role) on " + where + ": " + serverText, e);
        }
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
                return cannotConnect(where, serverText, e);
            }
        }
    }

    private static PgShiftException cannotConnect(String where, String detail, SQLException e) {
        return new PgShiftException(ErrorCode.CONNECTION, "cannot connect to " + where + ": " + detail, e);
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

    /** SSL trouble: an SSL or certificate exception in the chain, or one of pgjdbc's SSL messages. */
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
        Throwable certProblem = find(e, CertPathValidatorException.class);
        if (certProblem == null) {
            certProblem = find(e, CertPathBuilderException.class);
        }
        if (certProblem == null) {
            certProblem = find(e, CertificateException.class);
        }
        if (certProblem != null) {
            SslConfig ssl = info.ssl();
            String root = ssl.rootCertSystem() ? "the system's trusted roots"
                    : ssl.rootCert() != null ? "root certificate file \"" + ssl.rootCert() + "\""
                    : "the root certificates";
            return prefix + "the server certificate could not be verified against " + root + ": "
                    + clean(certProblem.getMessage(), info);
        }
        return prefix + text;
    }

    /** Where the TCP connections went, which is what a network problem is about. */
    private static String targets(ConnInfo info) {
        StringJoiner j = new StringJoiner(", ");
        for (ConnInfo.Host h : info.hosts()) {
            j.add(h.address());
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
        for (String secret : new String[] {info.password().orElse(null), info.ssl().password()}) {
            if (secret != null && secret.length() >= 4 && !secret.equals(info.user())) {
                line = line.replace(secret, "********");
            }
        }
        return line;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        return find(t, type) != null;
    }

    /** The exception itself or its first cause of the type; stops should the chain loop. */
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
