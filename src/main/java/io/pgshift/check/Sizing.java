package io.pgshift.check;

import java.util.List;
import java.util.Locale;

import io.pgshift.Sizes;

/**
 * A database's size, the migration method the upgrade guide recommends for it, and an estimated duration.
 *
 * @param method           {@link #OFFLINE} or {@link #ONLINE}
 * @param estimatedSeconds database size divided by the probe's throughput; null when the probe did not run
 */
public record Sizing(String database, long bytes, String method, Double estimatedSeconds) {
    public static final String OFFLINE = "offline dump and restore";
    public static final String ONLINE = "online migration";

    /** The guide's line: below this, dump and restore; above, an online method unless the downtime is acceptable. */
    public static final long OFFLINE_LIMIT_BYTES = 100L * 1024 * 1024 * 1024;

    static Sizing of(DatabaseSize size, Throughput throughput) {
        Double seconds = throughput == null || throughput.bytesPerSecond() <= 0 ? null
                : size.bytes() / throughput.bytesPerSecond();
        return new Sizing(size.database(), size.bytes(), size.bytes() < OFFLINE_LIMIT_BYTES ? OFFLINE : ONLINE, seconds);
    }

    Finding finding(Throughput throughput) {
        String estimate = estimatedSeconds == null ? ""
                : "; estimated duration " + roughDuration(estimatedSeconds) + " at the " + Sizes.bytes((long) throughput
                        .bytesPerSecond()) + "/s one session read from the source (an estimate: more jobs shorten it, "
                        + "index builds lengthen it)";
        String advice = method.equals(OFFLINE)
                ? "below 100 GB, the guide recommends an offline dump and restore (pgshift upgrade)"
                : "above 100 GB, the guide recommends an online method (logical replication) unless the downtime of an "
                        + "offline dump and restore is acceptable";
        return FindingCode.SIZING.info(database, List.of(database), "database " + database + " takes "
                + Sizes.bytes(bytes) + "; " + advice + estimate);
    }

    /** To the unit that matters: nobody plans downtime to the second when it takes hours. */
    static String roughDuration(double seconds) {
        if (seconds < 1) {
            return "under a second";
        }
        if (seconds < 120) {
            return String.format(Locale.ROOT, "about %.0f seconds", seconds);
        }
        if (seconds < 7200) {
            return String.format(Locale.ROOT, "about %.0f minutes", seconds / 60);
        }
        return String.format(Locale.ROOT, "about %.1f hours", seconds / 3600);
    }
}
