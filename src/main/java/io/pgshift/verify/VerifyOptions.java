package io.pgshift.verify;

/**
 * How a verification runs.
 *
 * @param jobs           tables hashed at once; each is hashed on the source and on the target at the same time,
 *                       so each server gets this many reading sessions besides the one that holds the snapshot
 * @param splitThreshold tables larger than this many bytes on the source are hashed in ranges, several at once;
 *                       0 never splits (the same meaning as copy's {@code --split-tables-larger-than})
 * @param splitMaxParts  ranges per split table at most; 0 means as many as {@code jobs}
 */
public record VerifyOptions(int jobs, long splitThreshold, int splitMaxParts) {
    /** Split above 1GB, as copy does. */
    public static final long DEFAULT_SPLIT_THRESHOLD = 1L << 30;

    public static final VerifyOptions DEFAULTS = new VerifyOptions(2, DEFAULT_SPLIT_THRESHOLD, 0);

    public VerifyOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        if (splitThreshold < 0 || splitMaxParts < 0) {
            throw new IllegalArgumentException("split threshold and parts must not be negative");
        }
    }

    /** How many ranges a table above the threshold is cut into. */
    int parts() {
        return splitMaxParts > 0 ? splitMaxParts : jobs;
    }
}
