package io.pgshift.settings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether two values of a parameter mean the same, each read in its own server's unit and type: 128MB is 16384 of
 * 8kB, 60s is 1min, true is on, an enum's case does not count, nor do the spaces after a list's commas. Text
 * compared as text listed equal values as changed whenever two versions (or a file and SHOW) wrote them otherwise.
 */
final class SettingValues {
    /** Bytes per memory unit and microseconds per time unit, the units the server accepts in values. */
    private static final Map<String, BigDecimal> BYTES = Map.of("B", BigDecimal.ONE, "kB", BigDecimal.valueOf(1024),
            "MB", BigDecimal.valueOf(1024L * 1024), "GB", BigDecimal.valueOf(1024L * 1024 * 1024),
            "TB", BigDecimal.valueOf(1024L * 1024 * 1024 * 1024));
    private static final Map<String, BigDecimal> MICROSECONDS = Map.of("us", BigDecimal.ONE,
            "ms", BigDecimal.valueOf(1000), "s", BigDecimal.valueOf(1_000_000), "min", BigDecimal.valueOf(60_000_000L),
            "h", BigDecimal.valueOf(3_600_000_000L), "d", BigDecimal.valueOf(86_400_000_000L));

    /**
     * Parameters whose value is a comma-separated list (GUC_LIST_INPUT in the server's source). ALTER SYSTEM takes
     * their elements as separate literals: one literal holding the whole list would be one element of the
     * search_path or one library's name.
     */
    static final Set<String> LISTS = Set.of("datestyle", "search_path", "temp_tablespaces", "shared_preload_libraries",
            "local_preload_libraries", "session_preload_libraries", "log_destination", "listen_addresses",
            "unix_socket_directories", "wal_consistency_checking", "debug_io_direct", "createrole_self_grant",
            "restrict_nonsystem_relation_kind", "oauth_validator_libraries", "log_connections");

    private static final Pattern NUMBER =
            Pattern.compile("\\s*([-+]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][-+]?\\d+)?)\\s*([A-Za-z]*)\\s*");
    private static final Pattern UNIT = Pattern.compile("(\\d*)([A-Za-z]+)");

    private SettingValues() {
    }

    /** The two values mean the same for their parameters. */
    static boolean same(Parameter a, Parameter b) {
        return canonical(a.name(), a.vartype(), a.unit(), a.setting())
                .equals(canonical(b.name(), b.vartype(), b.unit(), b.setting()));
    }

    /** A value written for the parameter (as in postgresql.conf or ALTER SYSTEM) means what the parameter holds. */
    static boolean same(String value, Parameter p) {
        return canonical(p.name(), p.vartype(), p.unit(), value).equals(canonical(p.name(), p.vartype(), p.unit(),
                p.setting()));
    }

    /**
     * A form in which equal values are equal strings. {@code text} may carry its own unit ("128MB"); a bare number
     * counts {@code unit}s, as pg_settings.setting does. Numbers go to bytes or microseconds; a negative bare
     * number is kept as it is, since -1 means "disabled" or "use another setting" whatever the unit.
     */
    static String canonical(String name, String vartype, String unit, String text) {
        if (text == null) {
            return "null";
        }
        String type = vartype == null ? "string" : vartype;
        switch (type) {
            case "bool":
                return bool(text);
            case "integer":
            case "real":
                return number(unit, text);
            case "enum":
                // Enums with on and off (synchronous_commit, huge_pages, ...) take true, yes and 1 for on, as a bool
                // does; and a bool that became an enum (wal_compression in 15) compares with its old self.
                String b = bool(text);
                return b.startsWith("bool:") ? b : text.trim().toLowerCase(Locale.ROOT);
            default:
                return LISTS.contains(name.toLowerCase(Locale.ROOT)) ? String.join(",", elements(text)) : text;
        }
    }

    /** A list parameter's elements, trimmed, without the double quotes SHOW puts around some. */
    static List<String> elements(String list) {
        List<String> out = new ArrayList<>();
        StringBuilder element = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < list.length() && list.charAt(i + 1) == '"') {
                    element.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(element.toString().trim());
                element.setLength(0);
            } else if (quoted || !Character.isWhitespace(c) || element.length() > 0) {
                element.append(c);
            }
        }
        String last = element.toString().trim();
        if (!last.isEmpty() || !out.isEmpty()) {
            out.add(last);
        }
        return out;
    }

    private static String bool(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        // The server takes any unambiguous prefix of true, false, yes, no, and on, off, 1, 0 in full.
        if (t.equals("on") || t.equals("1") || !t.isEmpty() && ("true".startsWith(t) || "yes".startsWith(t))) {
            return "bool:on";
        }
        if (t.equals("of") || t.equals("off") || t.equals("0")
                || !t.isEmpty() && ("false".startsWith(t) || "no".startsWith(t))) {
            return "bool:off";
        }
        return t;
    }

    private static String number(String unit, String text) {
        Matcher m = NUMBER.matcher(text);
        if (!m.matches()) {
            return text.trim();
        }
        BigDecimal n = new BigDecimal(m.group(1));
        String suffix = m.group(2);
        if (suffix.isEmpty() && n.signum() < 0) {
            return "n:" + n.stripTrailingZeros().toPlainString();
        }
        Scale scale = suffix.isEmpty() ? scale(unit) : scale(suffix);
        if (scale == null) {
            return text.trim();
        }
        return scale.kind() + ":" + n.multiply(scale.size()).stripTrailingZeros().toPlainString();
    }

    /** What a unit counts: B (bytes), us (microseconds) or n (plain numbers), and how many of them. */
    private record Scale(String kind, BigDecimal size) {
    }

    /** The scale of a unit such as "8kB", "ms" or "16MB"; null when unknown. */
    private static Scale scale(String unit) {
        if (unit == null || unit.isEmpty()) {
            return new Scale("n", BigDecimal.ONE);
        }
        Matcher m = UNIT.matcher(unit.trim());
        if (!m.matches()) {
            return null;
        }
        BigDecimal count = m.group(1).isEmpty() ? BigDecimal.ONE : new BigDecimal(m.group(1));
        BigDecimal bytes = BYTES.get(m.group(2));
        if (bytes != null) {
            return new Scale("B", count.multiply(bytes));
        }
        BigDecimal micros = MICROSECONDS.get(m.group(2));
        if (micros != null) {
            return new Scale("us", count.multiply(micros));
        }
        return null;
    }

    /** A memory value in bytes, for conversions between parameters (wal_keep_segments to wal_keep_size). */
    static BigDecimal bytes(Parameter p) {
        String c = canonical(p.name(), p.vartype(), p.unit(), p.setting());
        return c.startsWith("B:") ? new BigDecimal(c.substring(2)) : null;
    }
}
