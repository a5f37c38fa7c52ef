package io.pgshift.upgrade;

/**
 * How many of the free copiers a database gets when its copy starts.
 *
 * <p>Databases start largest first, and a copy keeps its copiers until it ends, so the share is decided once:
 * in proportion to the database's part of what is still to copy (itself and those waiting), at least one, at
 * most what is free. A server with one large database and a few small ones gives the large one nearly all the
 * jobs; equal databases split them evenly; with more databases than jobs, one job each, one after the other.
 */
final class JobShare {
    private JobShare() {
    }

    /**
     * @param free         copiers not in use, at least 1
     * @param bytes        the size of the database starting now
     * @param pendingBytes the sizes of the databases not started yet, this one included
     * @param pending      how many those are, this one included
     */
    static int of(int free, long bytes, long pendingBytes, int pending) {
        if (free < 1) {
            throw new IllegalArgumentException("no free copier");
        }
        double part = pendingBytes > 0 ? (double) bytes / pendingBytes : 1.0 / pending;
        return (int) Math.max(1, Math.min(free, Math.round(free * part)));
    }
}
