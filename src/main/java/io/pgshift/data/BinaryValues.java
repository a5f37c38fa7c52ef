package io.pgshift.data;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Prints one value of a built-in type from its binary COPY form (the type's send function) as the server's output
 * function prints it, in the settings a dump's script is replayed with: DateStyle ISO, IntervalStyle postgres,
 * bytea_output hex, floats in their shortest exact form, and timestamptz in UTC, which any session's TimeZone reads
 * back as the same instant. Each printer reads the whole value it is given and refuses one of the wrong length.
 */
final class BinaryValues {
    /** A type's printer: the value's bytes, without their length word, to its text form. */
    interface Printer {
        String print(ByteBuffer value) throws IOException;
    }

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long MICROS_PER_DAY = 86_400L * MICROS_PER_SECOND;
    /** 2000-01-01, PostgreSQL's epoch, in days since 1970-01-01. */
    private static final long PG_EPOCH_DAY = 10_957;

    /** The printers by the type's name in pg_type, domains resolved to their base type. */
    static final Map<String, Printer> BY_NAME = Map.ofEntries(
            Map.entry("bool", v -> fixed(v, 1).get() != 0 ? "t" : "f"),
            Map.entry("int2", v -> Short.toString(fixed(v, 2).getShort())),
            Map.entry("int4", v -> Integer.toString(fixed(v, 4).getInt())),
            Map.entry("int8", v -> Long.toString(fixed(v, 8).getLong())),
            Map.entry("oid", v -> Integer.toUnsignedString(fixed(v, 4).getInt())),
            Map.entry("float4", v -> float4(fixed(v, 4).getFloat())),
            Map.entry("float8", v -> float8(fixed(v, 8).getDouble())),
            Map.entry("numeric", BinaryValues::numeric),
            Map.entry("text", BinaryValues::utf8),
            Map.entry("varchar", BinaryValues::utf8),
            Map.entry("bpchar", BinaryValues::utf8),
            Map.entry("name", BinaryValues::utf8),
            Map.entry("json", BinaryValues::utf8),
            Map.entry("jsonb", BinaryValues::jsonb),
            Map.entry("bytea", v -> "\\x" + HexFormat.of().formatHex(rest(v))),
            Map.entry("date", v -> date(fixed(v, 4).getInt())),
            Map.entry("time", v -> time(fixed(v, 8).getLong())),
            Map.entry("timetz", BinaryValues::timetz),
            Map.entry("timestamp", v -> timestamp(fixed(v, 8).getLong(), false)),
            Map.entry("timestamptz", v -> timestamp(fixed(v, 8).getLong(), true)),
            Map.entry("interval", BinaryValues::interval),
            Map.entry("uuid", BinaryValues::uuid),
            Map.entry("inet", v -> Network.print(v, false)),
            Map.entry("cidr", v -> Network.print(v, true)),
            Map.entry("macaddr", v -> mac(fixed(v, 6))),
            Map.entry("macaddr8", v -> mac(fixed(v, 8))));

    /** The element type oids arrays of these types carry in their binary form, fixed in every PostgreSQL. */
    static final Map<String, Integer> OIDS = Map.ofEntries(
            Map.entry("bool", 16), Map.entry("bytea", 17), Map.entry("name", 19), Map.entry("int8", 20),
            Map.entry("int2", 21), Map.entry("int4", 23), Map.entry("text", 25), Map.entry("oid", 26),
            Map.entry("json", 114), Map.entry("cidr", 650), Map.entry("float4", 700), Map.entry("float8", 701),
            Map.entry("macaddr8", 774), Map.entry("macaddr", 829), Map.entry("inet", 869),
            Map.entry("bpchar", 1042), Map.entry("varchar", 1043), Map.entry("date", 1082), Map.entry("time", 1083),
            Map.entry("timestamp", 1114), Map.entry("timestamptz", 1184), Map.entry("interval", 1186),
            Map.entry("timetz", 1266), Map.entry("numeric", 1700), Map.entry("uuid", 2950), Map.entry("jsonb", 3802));

    private BinaryValues() {
    }

    private static ByteBuffer fixed(ByteBuffer v, int length) throws IOException {
        if (v.remaining() != length) {
            throw new IOException("a value of " + v.remaining() + " bytes where " + length + " were expected");
        }
        return v;
    }

    private static byte[] rest(ByteBuffer v) {
        byte[] bytes = new byte[v.remaining()];
        v.get(bytes);
        return bytes;
    }

    private static String utf8(ByteBuffer v) {
        return new String(rest(v), StandardCharsets.UTF_8);
    }

    private static String jsonb(ByteBuffer v) throws IOException {
        if (!v.hasRemaining() || v.get() != 1) {
            throw new IOException("a jsonb value of an unknown binary version");
        }
        return utf8(v);
    }

    /** The shortest text that reads back as the same double, laid out as PostgreSQL 12+ prints it. */
    static String float8(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(d);
        for (int digits = 1; ; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.doubleValue() == d) {
                return layout(candidate, 15);
            }
        }
    }

    /** As {@link #float8} for a float4, which goes to scientific notation from 10^6 on. */
    static String float4(float f) {
        if (Float.isNaN(f)) {
            return "NaN";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? "Infinity" : "-Infinity";
        }
        if (f == 0) {
            return 1 / f < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(f);
        for (int digits = 1; ; digits++) {
            BigDecimal candidate = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (candidate.floatValue() == f) {
                return layout(candidate, 6);
            }
        }
    }

    /** Fixed notation for exponents from -4 to below the limit, else d.ddde+XX, as PostgreSQL's Ryu output. */
    private static String layout(BigDecimal value, int fixedBelow) {
        BigDecimal stripped = value.stripTrailingZeros();
        String digits = stripped.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - stripped.scale();
        String sign = stripped.signum() < 0 ? "-" : "";
        if (exponent >= -4 && exponent < fixedBelow) {
            return sign + stripped.abs().toPlainString();
        }
        String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        int magnitude = Math.abs(exponent);
        return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
    }

    /** numeric_send: digit count, weight, sign, display scale, then base-10000 digits. */
    private static String numeric(ByteBuffer v) throws IOException {
        if (v.remaining() < 8) {
            throw new IOException("a numeric value of " + v.remaining() + " bytes");
        }
        int count = v.getShort();
        int weight = v.getShort();
        int sign = v.getShort() & 0xffff;
        int scale = v.getShort();
        fixed(v, 2 * count);
        switch (sign) {
            case 0xC000:
                return "NaN";
            case 0xD000:
                return "Infinity";
            case 0xF000:
                return "-Infinity";
            case 0x0000, 0x4000:
                break;
            default:
                throw new IOException("a numeric value with the unknown sign 0x" + Integer.toHexString(sign));
        }
        BigInteger unscaled = BigInteger.ZERO;
        BigInteger base = BigInteger.valueOf(10_000);
        for (int i = 0; i < count; i++) {
            unscaled = unscaled.multiply(base).add(BigInteger.valueOf(v.getShort()));
        }
        // The digits stand for unscaled * 10000^(weight - count + 1).
        BigDecimal value = new BigDecimal(unscaled, -4 * (weight - count + 1));
        value = value.setScale(scale, RoundingMode.UNNECESSARY);
        return (sign == 0x4000 && value.signum() != 0 ? "-" : "") + value.toPlainString();
    }

    /** Days since 2000-01-01; INT_MIN and INT_MAX are -infinity and infinity. */
    static String date(int days) {
        if (days == Integer.MIN_VALUE) {
            return "-infinity";
        }
        if (days == Integer.MAX_VALUE) {
            return "infinity";
        }
        LocalDate date = LocalDate.ofEpochDay(PG_EPOCH_DAY + days);
        return dateText(date) + era(date);
    }

    private static String dateText(LocalDate date) {
        int year = date.getYear() <= 0 ? 1 - date.getYear() : date.getYear();
        return String.format(Locale.ROOT, "%04d-%02d-%02d", year, date.getMonthValue(), date.getDayOfMonth());
    }

    private static String era(LocalDate date) {
        return date.getYear() <= 0 ? " BC" : "";
    }

    /** Microseconds since midnight: HH:MM:SS with the fraction's trailing zeros left out. */
    static String time(long micros) {
        long seconds = micros / MICROS_PER_SECOND;
        return String.format(Locale.ROOT, "%02d:%02d:", seconds / 3600, seconds / 60 % 60)
                + seconds(seconds % 60, micros % MICROS_PER_SECOND);
    }

    private static String seconds(long seconds, long fraction) {
        String whole = String.format(Locale.ROOT, "%02d", Math.abs(seconds));
        if (fraction == 0) {
            return whole;
        }
        String digits = String.format(Locale.ROOT, "%06d", Math.abs(fraction));
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return whole + "." + digits.substring(0, end);
    }

    /** Microseconds since midnight, then the zone's offset in seconds west of UTC. */
    private static String timetz(ByteBuffer v) throws IOException {
        fixed(v, 12);
        long micros = v.getLong();
        int west = v.getInt();
        return time(micros) + zone(west);
    }

    /** A zone offset as PostgreSQL prints it: +HH, then :MM and :SS only where they are not zero. */
    private static String zone(int secondsWest) {
        int east = Math.abs(secondsWest);
        String text = (secondsWest <= 0 ? "+" : "-") + String.format(Locale.ROOT, "%02d", east / 3600);
        int minutes = east / 60 % 60;
        int seconds = east % 60;
        if (minutes != 0 || seconds != 0) {
            text += String.format(Locale.ROOT, ":%02d", minutes);
        }
        if (seconds != 0) {
            text += String.format(Locale.ROOT, ":%02d", seconds);
        }
        return text;
    }

    /** Microseconds since 2000-01-01 00:00, UTC for timestamptz; the int64 limits are -infinity and infinity. */
    static String timestamp(long micros, boolean utc) {
        if (micros == Long.MIN_VALUE) {
            return "-infinity";
        }
        if (micros == Long.MAX_VALUE) {
            return "infinity";
        }
        long day = Math.floorDiv(micros, MICROS_PER_DAY);
        long ofDay = Math.floorMod(micros, MICROS_PER_DAY);
        LocalDate date = LocalDate.ofEpochDay(PG_EPOCH_DAY + day);
        return dateText(date) + " " + time(ofDay) + (utc ? "+00" : "") + era(date);
    }

    /** Microseconds, days, months; printed in IntervalStyle postgres. */
    private static String interval(ByteBuffer v) throws IOException {
        fixed(v, 16);
        long time = v.getLong();
        int days = v.getInt();
        int months = v.getInt();
        if (time == Long.MAX_VALUE && days == Integer.MAX_VALUE && months == Integer.MAX_VALUE) {
            return "infinity";
        }
        if (time == Long.MIN_VALUE && days == Integer.MIN_VALUE && months == Integer.MIN_VALUE) {
            return "-infinity";
        }
        StringBuilder text = new StringBuilder();
        boolean[] state = {true, false}; // zero so far, previous part negative
        part(text, months / 12, "year", state);
        part(text, months % 12, "mon", state);
        part(text, days, "day", state);
        long hours = time / (3600 * MICROS_PER_SECOND);
        long rest = time % (3600 * MICROS_PER_SECOND);
        long minutes = rest / (60 * MICROS_PER_SECOND);
        rest %= 60 * MICROS_PER_SECOND;
        long seconds = rest / MICROS_PER_SECOND;
        long fraction = rest % MICROS_PER_SECOND;
        if (state[0] || time != 0) {
            boolean minus = time < 0;
            text.append(state[0] ? "" : " ").append(minus ? "-" : state[1] ? "+" : "")
                    .append(String.format(Locale.ROOT, "%02d:%02d:", Math.abs(hours), Math.abs(minutes)))
                    .append(seconds(seconds, fraction));
        }
        return text.toString();
    }

    /** One part of an interval: left out when zero; a positive one after a negative one gets a '+'. */
    private static void part(StringBuilder text, long value, String unit, boolean[] state) {
        if (value == 0) {
            return;
        }
        text.append(state[0] ? "" : " ").append(state[1] && value > 0 ? "+" : "").append(value).append(' ')
                .append(unit).append(value != 1 ? "s" : "");
        state[1] = value < 0;
        state[0] = false;
    }

    private static String uuid(ByteBuffer v) throws IOException {
        String hex = HexFormat.of().formatHex(rest(fixed(v, 16)));
        return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20);
    }

    private static String mac(ByteBuffer v) {
        byte[] bytes = rest(v);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < bytes.length; i++) {
            text.append(i == 0 ? "" : ":").append(HexFormat.of().toHexDigits(bytes[i]));
        }
        return text.toString();
    }

    /** inet and cidr: family, prefix length, is-cidr flag, address length, address. */
    private static final class Network {
        private static final int INET = 2;
        private static final int INET6 = 3;

        static String print(ByteBuffer v, boolean cidr) throws IOException {
            if (v.remaining() < 4) {
                throw new IOException("an inet value of " + v.remaining() + " bytes");
            }
            int family = v.get();
            int bits = v.get() & 0xff;
            v.get();
            int length = v.get();
            byte[] address = rest(fixed(v, length));
            String text;
            if (family == INET && length == 4) {
                text = (address[0] & 0xff) + "." + (address[1] & 0xff) + "." + (address[2] & 0xff) + "."
                        + (address[3] & 0xff);
                return text + (cidr || bits != 32 ? "/" + bits : "");
            }
            if (family == INET6 && length == 16) {
                return ipv6(address) + (cidr || bits != 128 ? "/" + bits : "");
            }
            throw new IOException("an inet value of the unknown family " + family);
        }

        /** The longest run of two or more zero words becomes ::, and an IPv4 address inside prints dotted. */
        private static String ipv6(byte[] address) {
            int[] words = new int[8];
            for (int i = 0; i < 8; i++) {
                words[i] = (address[2 * i] & 0xff) << 8 | address[2 * i + 1] & 0xff;
            }
            int bestBase = -1;
            int bestLength = 0;
            for (int i = 0; i < 8; ) {
                if (words[i] != 0) {
                    i++;
                    continue;
                }
                int start = i;
                while (i < 8 && words[i] == 0) {
                    i++;
                }
                if (i - start > bestLength) {
                    bestBase = start;
                    bestLength = i - start;
                }
            }
            if (bestLength < 2) {
                bestBase = -1;
            }
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                if (bestBase != -1 && i >= bestBase && i < bestBase + bestLength) {
                    if (i == bestBase) {
                        text.append(':');
                    }
                    continue;
                }
                if (i != 0) {
                    text.append(':');
                }
                if (i == 6 && bestBase == 0 && (bestLength == 6 || bestLength == 7 && words[7] != 1
                        || bestLength == 5 && words[5] == 0xffff)) {
                    text.append(address[12] & 0xff).append('.').append(address[13] & 0xff).append('.')
                            .append(address[14] & 0xff).append('.').append(address[15] & 0xff);
                    return text.toString();
                }
                text.append(Integer.toHexString(words[i]));
            }
            if (bestBase != -1 && bestBase + bestLength == 8) {
                text.append(':');
            }
            return text.toString();
        }
    }
}
