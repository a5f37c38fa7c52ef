package io.pgshift.cli;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A size as PostgreSQL and pgcopydb write it: a whole number with an optional unit, {@code B}, {@code kB},
 * {@code MB}, {@code GB} or {@code TB}, each 1024 times the one before (so {@code 1GB} is 2^30 bytes). Units
 * are read without regard to case, as {@code 1gb} can only mean one thing.
 */
final class ByteSize implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+)\\s*([a-zA-Z]*)\\s*");
    private static final Map<String, Integer> SHIFT = Map.of("", 0, "b", 0, "kb", 10, "mb", 20, "gb", 30, "tb", 40);

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    static long parse(String value) {
        Matcher m = SIZE.matcher(value);
        Integer shift = m.matches() ? SHIFT.get(m.group(2).toLowerCase(Locale.ROOT)) : null;
        if (shift == null) {
            throw new TypeConversionException("'" + value + "' is not a size: expected a whole number with an "
                    + "optional unit B, kB, MB, GB or TB, such as 512MB");
        }
        try {
            long number = Long.parseLong(m.group(1));
            if (number > Long.MAX_VALUE >> shift) {
                throw new NumberFormatException();
            }
            return number << shift;
        } catch (NumberFormatException e) {
            throw new TypeConversionException("'" + value + "' is too large a size");
        }
    }
}
