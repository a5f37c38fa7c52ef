package io.pgshift.catalog;

/**
 * A server's version as {@code server_version_num} reports it (90624, 170005, ...). Catalog queries
 * branch on it, so it is compared numerically and never parsed from the version string.
 */
public record ServerVersion(int number) implements Comparable<ServerVersion> {
    public static final ServerVersion OLDEST_SUPPORTED = new ServerVersion(90600);

    /** 9.6, 10, 11, ...: the part that decides catalog layout and upgrade direction. */
    public String major() {
        return number < 100000 ? (number / 10000) + "." + (number / 100 % 100) : String.valueOf(number / 10000);
    }

    /** A number comparable across the old (9.6) and new (10+) version schemes. */
    public int majorNumber() {
        return number < 100000 ? number / 100 : number / 10000 * 100;
    }

    /** {@link #majorNumber()} of a major version as {@link #major()} writes it: "9.6" or "17". */
    public static int majorNumberOf(String major) {
        int dot = major.indexOf('.');
        return dot < 0 ? Integer.parseInt(major) * 100
                : Integer.parseInt(major.substring(0, dot)) * 100 + Integer.parseInt(major.substring(dot + 1));
    }

    public boolean atLeast(int major) {
        return number >= major * 10000;
    }

    @Override
    public int compareTo(ServerVersion other) {
        return Integer.compare(number, other.number);
    }

    @Override
    public String toString() {
        return major();
    }
}
