package io.pgshift.connect;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The keyword values in force and where each came from: the connection string, else its
 * environment variable. Built-in defaults are not applied here; each resolver applies its own, so
 * that "not given" stays distinguishable from "given as the default".
 *
 * <p>The helpers build libpq's error messages, which name the environment variable when the bad
 * value came from one: a user who never typed "sslmode=on" needs to hear about PGSSLMODE.
 */
final class Settings {

    private static final String FROM_STRING = "connection string";

    private final Environment env;
    private final EnumMap<Keyword, String> values;
    private final EnumMap<Keyword, String> sources;

    private Settings(Environment env, EnumMap<Keyword, String> values, EnumMap<Keyword, String> sources) {
        this.env = env;
        this.values = values;
        this.sources = sources;
    }

    /** libpq's precedence: a value in the connection string, then its environment variable. */
    static Settings read(String conninfo, Environment env) {
        return read(conninfo, Map.of(), env);
    }

    /**
     * As {@link #read(String, Environment)}, with values that replace the string's own, as a later keyword of
     * libpq's PQconnectdbParams replaces an earlier one. An empty override is no override, as in libpq.
     */
    static Settings read(String conninfo, Map<Keyword, String> overrides, Environment env) {
        Objects.requireNonNull(env, "env");
        EnumMap<Keyword, String> values = ConnStringParser.parse(conninfo);
        overrides.forEach((k, v) -> {
            if (v != null && !v.isEmpty()) {
                values.put(k, v);
            }
        });
        EnumMap<Keyword, String> sources = new EnumMap<>(Keyword.class);
        for (Keyword k : values.keySet()) {
            sources.put(k, FROM_STRING);
        }
        for (Keyword k : Keyword.values()) {
            if (!values.containsKey(k) && k.envVar != null) {
                String v = env.get(k.envVar);
                if (v != null) { // libpq takes a set but empty variable as given
                    values.put(k, v);
                    sources.put(k, k.envVar);
                }
            }
        }
        if (!values.containsKey(Keyword.SSLMODE)) {
            String requireSsl = env.get("PGREQUIRESSL"); // deprecated; libpq still honours "1..."
            if (requireSsl != null && requireSsl.startsWith("1")) {
                values.put(Keyword.SSLMODE, "require");
                sources.put(Keyword.SSLMODE, "PGREQUIRESSL");
            }
        }
        return new Settings(env, values, sources);
    }

    /** The same settings with dbname replaced, as if written in the connection string. */
    Settings withDatabase(String database) {
        EnumMap<Keyword, String> v = new EnumMap<>(values);
        EnumMap<Keyword, String> src = new EnumMap<>(sources);
        v.put(Keyword.DBNAME, database);
        src.put(Keyword.DBNAME, FROM_STRING);
        return new Settings(env, v, src);
    }

    Environment env() {
        return env;
    }

    /** The keywords that have a value (possibly empty), in declaration order. */
    Set<Keyword> keywords() {
        return values.keySet();
    }

    /** The value as given, possibly empty; null when not given at all. */
    String get(Keyword k) {
        return values.get(k);
    }

    /** The value, or null when not given or empty (libpq treats an empty value as not given). */
    String nonEmpty(Keyword k) {
        String v = values.get(k);
        return v == null || v.isEmpty() ? null : v;
    }

    /** True when the value was written in the connection string (not taken from the environment). */
    boolean fromString(Keyword k) {
        return FROM_STRING.equals(sources.get(k));
    }

    /** The value when it is one of {@code allowed}; null when not given. */
    String oneOf(Keyword k, String... allowed) {
        String v = values.get(k);
        if (v == null) {
            return null;
        }
        if (!Arrays.asList(allowed).contains(v)) {
            throw invalidValue(k, v);
        }
        return v;
    }

    /** libpq's integer parsing: surrounding white space and a leading '+' are accepted. */
    int parseInt(Keyword k, String text) {
        String t = text.strip();
        try {
            return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw usage("invalid integer value \"" + text + "\" for connection option \""
                    + k.libpqName + "\"" + from(k));
        }
    }

    PgShiftException invalidValue(Keyword k, String value) {
        return usage("invalid " + k.libpqName + " value: \"" + value + "\"" + from(k));
    }

    /** A valid libpq setting that pgshift refuses rather than silently handling differently. */
    PgShiftException notSupported(Keyword k, String why) {
        return usage("connection option \"" + k.libpqName + "\" is not supported by pgshift: " + why + from(k));
    }

    /** As {@link #notSupported(Keyword, String)}, for one value of an otherwise supported keyword. */
    PgShiftException notSupported(Keyword k, String value, String why) {
        return usage("connection option \"" + k.libpqName + "\" value \"" + value
                + "\" is not supported by pgshift: " + why + from(k));
    }

    /** " (from PGSSLMODE)" for a value that came from the environment, else "". */
    String from(Keyword k) {
        String src = sources.get(k);
        return src == null || FROM_STRING.equals(src) ? "" : " (from " + src + ")";
    }

    static PgShiftException usage(String message) {
        return new PgShiftException(ErrorCode.USAGE, message);
    }
}
