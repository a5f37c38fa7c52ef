package io.pgshift.cli;

import java.util.ArrayList;
import java.util.List;

import io.pgshift.online.FollowStatus;

/** How far an online copy's target is behind its source, as a line that fits a terminal. */
final class FollowPrinter {
    private FollowPrinter() {
    }

    /** The whole line, for logs and pipes. */
    static String line(FollowStatus s) {
        return Fit.line(parts(s), Integer.MAX_VALUE);
    }

    /** The line fitted to a terminal: the estimate and the WAL held go first. */
    static String line(FollowStatus s, int columns) {
        return Fit.line(parts(s), columns);
    }

    private static List<Fit.Part> parts(FollowStatus s) {
        List<Fit.Part> parts = new ArrayList<>();
        parts.add(new Fit.Part(s.name() + ":", 0));
        if (!s.slotActive()) {
            parts.add(new Fit.Part("NOT following: the target's subscription is not connected to the slot", 0));
        } else if (!s.receiving()) {
            parts.add(new Fit.Part("NOT following: the target's apply worker is not running", 0));
        } else {
            parts.add(new Fit.Part("following", 0));
        }
        String lag = "lag " + Units.bytes(s.lagBytes());
        if (s.replayLag() != null) {
            lag += String.format(" (%.1f s)", s.replayLag().toMillis() / 1000.0);
        }
        parts.add(new Fit.Part(lag, 0));
        if (s.applyRate() >= 0) {
            parts.add(new Fit.Part("applying " + Units.bytes((long) s.applyRate()) + "/s", 1));
        }
        if (s.catchUp() != null) {
            parts.add(new Fit.Part("caught up in ~" + Units.duration(s.catchUp()), 2));
        }
        parts.add(new Fit.Part("WAL held on source " + Units.bytes(s.retainedWalBytes()), 3));
        return parts;
    }
}
