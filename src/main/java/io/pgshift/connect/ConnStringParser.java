package io.pgshift.connect;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * libpq's two connection string syntaxes, parsed the way libpq's {@code conninfo_parse} and
 * {@code conninfo_uri_parse_options} do, with libpq's error messages. Only the values written in
 * the string come out; {@link Settings} adds the environment, and the defaults come last, when
 * {@link ConnInfo} resolves. Error messages never quote a password.
 */
final class ConnStringParser {

    private static final String URI_DESIGNATOR = "postgresql://";
    private static final String SHORT_URI_DESIGNATOR = "postgres://";

    private ConnStringParser() {
    }

    /** True when libpq would parse the string as a URI (the prefix is case-sensitive). */
    static boolean isUri(String s) {
        return uriPrefixLength(s) != 0;
    }

    /** The keyword values written in the string; for a repeated keyword the last one wins. */
    static EnumMap<Keyword, String> parse(String conninfo) {
        if (conninfo == null) {
            return new EnumMap<>(Keyword.class);
        }
        return isUri(conninfo) ? parseUri(conninfo) : parseKeywordValue(conninfo);
    }

    private static int uriPrefixLength(String s) {
        if (s.startsWith(URI_DESIGNATOR)) {
            return URI_DESIGNATOR.length();
        }
        if (s.startsWith(SHORT_URI_DESIGNATOR)) {
            return SHORT_URI_DESIGNATOR.length();
        }
        return 0;
    }

    /** C's isspace() in the C locale. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    // ---- keyword = value ---------------------------------------------------------------------

    private static EnumMap<Keyword, String> parseKeywordValue(String s) {
        EnumMap<Keyword, String> result = new EnumMap<>(Keyword.class);
        Keyword previous = null;
        int n = s.length();
        int i = 0;
        while (i < n) {
            if (isSpace(s.charAt(i))) {
                i++;
                continue;
            }
            int start = i;
            while (i < n && s.charAt(i) != '=' && !isSpace(s.charAt(i))) {
                i++;
            }
            String name = s.substring(start, i);
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            if (i >= n || s.charAt(i) != '=') {
                if (previous != null && previous.secret) {
                    // The "name" is most likely the rest of an unquoted secret: never echo it.
                    throw usage("missing \"=\" after the value of \"" + previous.libpqName
                            + "\" in connection info string (quote a value that contains spaces: "
                            + previous.libpqName + "='...')");
                }
                throw usage("missing \"=\" after \"" + name + "\" in connection info string");
            }
            i++; // '='
            while (i < n && isSpace(s.charAt(i))) {
                i++;
            }
            StringBuilder value = new StringBuilder();
            if (i < n && s.charAt(i) == '\'') {
                i++;
                while (true) {
                    if (i >= n) {
                        throw usage("unterminated quoted string in connection info string");
                    }
                    char c = s.charAt(i);
                    if (c == '\\') {
                        i++;
                        if (i < n) {
                            value.append(s.charAt(i++));
                        }
                        continue;
                    }
                    if (c == '\'') {
                        i++;
                        break;
                    }
                    value.append(c);
                    i++;
                }
            } else {
                while (i < n) {
                    char c = s.charAt(i);
                    if (isSpace(c)) {
                        i++;
                        break;
                    }
                    if (c == '\\') {
                        i++;
                        if (i < n) {
                            value.append(s.charAt(i++));
                        }
                    } else {
                        value.append(c);
                        i++;
                    }
                }
            }
            previous = store(result, name, value.toString(), false);
        }
        return result;
    }

    /**
     * Stores one value; translates libpq's backward-compatible {@code requiressl}. Returns the
     * keyword stored.
     */
    private static Keyword store(EnumMap<Keyword, String> result, String name, String value,
            boolean uriParameter) {
        if (name.equals("requiressl")) {
            // libpq: requiressl=1 means sslmode=require, anything else sslmode=prefer.
            result.put(Keyword.SSLMODE, value.startsWith("1") ? "require" : "prefer");
            return Keyword.SSLMODE;
        }
        Keyword keyword = Keyword.of(name).orElseThrow(() -> usage(uriParameter
                ? "invalid URI query parameter: \"" + name + "\""
                : "invalid connection option \"" + name + "\""));
        result.put(keyword, value);
        return keyword;
    }

    // ---- URI ---------------------------------------------------------------------------------

    private static EnumMap<Keyword, String> parseUri(String uri) {
        EnumMap<Keyword, String> result = new EnumMap<>(Keyword.class);
        String shown = redact(uri);
        int base = uriPrefixLength(uri);
        String rest = uri.substring(base);
        int n = rest.length();

        // user[:password]@ — the '@' must come before any '/'
        int at = 0;
        while (at < n && rest.charAt(at) != '@' && rest.charAt(at) != '/') {
            at++;
        }
        int p = 0;
        if (at < n && rest.charAt(at) == '@') {
            int k = 0;
            while (rest.charAt(k) != ':' && rest.charAt(k) != '@') {
                k++;
            }
            String user = rest.substring(0, k);
            if (!user.isEmpty()) {
                result.put(Keyword.USER, decode(user, "the user name of the URI"));
            }
            if (rest.charAt(k) == ':') {
                String password = rest.substring(k + 1, at);
                if (!password.isEmpty()) {
                    result.put(Keyword.PASSWORD, decode(password, null));
                }
            }
            p = at + 1;
        }

        // host[:port][,host[:port]...]
        StringBuilder hosts = new StringBuilder();
        StringBuilder ports = new StringBuilder();
        char prev;
        while (true) {
            String host;
            if (p < n && rest.charAt(p) == '[') {
                int start = ++p;
                while (p < n && rest.charAt(p) != ']') {
                    p++;
                }
                if (p >= n) {
                    throw usage("end of string reached when looking for matching \"]\" in IPv6 host"
                            + " address in URI: \"" + shown + "\"");
                }
                if (p == start) {
                    throw usage("IPv6 host address may not be empty in URI: \"" + shown + "\"");
                }
                host = rest.substring(start, p);
                p++;
                if (p < n && ":/?,".indexOf(rest.charAt(p)) < 0) {
                    throw usage("unexpected character \"" + rest.charAt(p) + "\" at position "
                            + (base + p + 1) + " in URI (expected \":\" or \"/\"): \"" + shown + "\"");
                }
            } else {
                int start = p;
                while (p < n && ":/?,".indexOf(rest.charAt(p)) < 0) {
                    p++;
                }
                host = rest.substring(start, p);
            }
            prev = p < n ? rest.charAt(p) : '\0';
            hosts.append(host);
            if (prev == ':') {
                int start = ++p;
                while (p < n && "/?,".indexOf(rest.charAt(p)) < 0) {
                    p++;
                }
                ports.append(rest, start, p);
                prev = p < n ? rest.charAt(p) : '\0';
            }
            if (prev != ',') {
                break;
            }
            p++;
            hosts.append(',');
            ports.append(',');
        }
        if (hosts.length() > 0) {
            result.put(Keyword.HOST, decode(hosts.toString(), "host"));
        }
        if (ports.length() > 0) {
            result.put(Keyword.PORT, decode(ports.toString(), "port"));
        }

        // /dbname
        if (prev != '\0' && prev != '?') {
            int start = ++p;
            while (p < n && rest.charAt(p) != '?') {
                p++;
            }
            prev = p < n ? '?' : '\0';
            String dbname = rest.substring(start, p);
            if (!dbname.isEmpty()) { // an empty dbname would hide PGDATABASE, as libpq notes
                result.put(Keyword.DBNAME, decode(dbname, "dbname"));
            }
        }

        // ?name=value&...
        if (prev != '\0') {
            parseUriParameters(rest.substring(p + 1), result);
        }
        return result;
    }

    private static void parseUriParameters(String params, EnumMap<Keyword, String> result) {
        int n = params.length();
        int i = 0;
        while (i < n) {
            int start = i;
            int eq = -1;
            while (true) {
                if (i >= n || params.charAt(i) == '&') {
                    if (eq < 0) {
                        throw usage("missing key/value separator \"=\" in URI query parameter: \""
                                + params.substring(start, i) + "\"");
                    }
                    break;
                }
                if (params.charAt(i) == '=') {
                    if (eq >= 0) {
                        throw usage("extra key/value separator \"=\" in URI query parameter: \""
                                + params.substring(start, eq) + "\"");
                    }
                    eq = i;
                }
                i++;
            }
            String rawName = params.substring(start, eq);
            String rawValue = params.substring(eq + 1, i);
            if (i < n) {
                i++; // '&'
            }
            String name = decode(rawName, "a URI query parameter name");
            boolean secret = Keyword.of(name).map(k -> k.secret).orElse(false);
            String value = decode(rawValue, secret ? null : name);
            if (name.equals("ssl") && value.equals("true")) {
                // libpq's concession to JDBC URLs
                result.put(Keyword.SSLMODE, "require");
                continue;
            }
            store(result, name, value, true);
        }
    }

    /**
     * Percent-decoding as libpq does it: {@code %xy} with two hex digits, {@code %00} forbidden,
     * everything else kept (a '+' stays a '+'). The bytes are read as UTF-8.
     *
     * @param what what is being decoded, for the message; null for a secret, which is never quoted
     */
    static String decode(String s, String what) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            byte b = utf8[i];
            if (b != '%') {
                bytes.write(b);
                continue;
            }
            int hi = i + 1 < utf8.length ? Character.digit(utf8[i + 1], 16) : -1;
            int lo = i + 2 < utf8.length ? Character.digit(utf8[i + 2], 16) : -1;
            if (hi < 0 || lo < 0) {
                throw usage(what == null
                        ? "invalid percent-encoded token in the password of the connection URI"
                        : "invalid percent-encoded token: \"" + s + "\"");
            }
            int c = (hi << 4) | lo;
            if (c == 0) {
                throw usage(what == null
                        ? "forbidden value %00 in the password of the connection URI"
                        : "forbidden value %00 in percent-encoded value: \"" + s + "\"");
            }
            bytes.write(c);
            i += 2;
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static final Pattern SECRET_PARAM =
            Pattern.compile("([?&](?:[^&=]*password|scram_client_key|scram_server_key|oauth_client_secret)=)[^&]*");

    /** The URI with the password (userinfo and query parameters) replaced, for messages. */
    static String redact(String uri) {
        int base = uriPrefixLength(uri);
        String rest = uri.substring(base);
        int at = 0;
        while (at < rest.length() && rest.charAt(at) != '@' && rest.charAt(at) != '/') {
            at++;
        }
        if (at < rest.length() && rest.charAt(at) == '@') {
            int colon = rest.indexOf(':');
            if (colon >= 0 && colon < at) {
                rest = rest.substring(0, colon + 1) + "********" + rest.substring(at);
            }
        }
        Matcher m = SECRET_PARAM.matcher(rest);
        return uri.substring(0, base) + m.replaceAll("$1********");
    }

    private static PgShiftException usage(String message) {
        return new PgShiftException(ErrorCode.USAGE, message);
    }
}
