package io.pgshift.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A name pattern as pg_dump and psql read them: {@code *} and {@code ?} are wildcards, an unquoted name is
 * folded to lower case, a double-quoted one is taken as written, and a dot separates the schema from the name.
 * A pattern without a schema matches the name in every schema.
 */
public final class NamePattern {
    private final Pattern schema;
    private final Pattern name;
    /** As the user wrote it, for reports. */
    private final String text;

    private NamePattern(Pattern schema, Pattern name, String text) {
        this.schema = schema;
        this.name = name;
        this.text = text;
    }

    /** A pattern for objects in a schema: {@code public.orders}, {@code sales.*}, {@code "Order Items"}. */
    public static NamePattern qualified(String pattern) {
        List<String> parts = split(pattern);
        return parts.size() == 1 ? new NamePattern(null, regex(parts.get(0)), pattern)
                : new NamePattern(regex(parts.get(parts.size() - 2)), regex(parts.get(parts.size() - 1)), pattern);
    }

    /** A pattern for schemas themselves. */
    public static NamePattern schema(String pattern) {
        return new NamePattern(null, regex(pattern), pattern);
    }

    public boolean matches(String schemaName, String objectName) {
        return (schema == null || schema.matcher(schemaName).matches()) && name.matcher(objectName).matches();
    }

    public boolean matches(String name) {
        return this.name.matcher(name).matches();
    }

    @Override
    public String toString() {
        return text;
    }

    /** Splits on dots outside double quotes, keeping the quotes for {@link #regex}. */
    private static List<String> split(String pattern) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (char c : pattern.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == '.' && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static Pattern regex(String part) {
        StringBuilder regex = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < part.length() && part.charAt(i + 1) == '"') {
                    regex.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (!quoted && c == '*') {
                regex.append(".*");
            } else if (!quoted && c == '?') {
                regex.append('.');
            } else {
                String literal = quoted ? String.valueOf(c) : String.valueOf(c).toLowerCase(Locale.ROOT);
                regex.append(Pattern.quote(literal));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
