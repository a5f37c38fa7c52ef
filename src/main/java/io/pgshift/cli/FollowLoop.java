package io.pgshift.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connections;
import io.pgshift.online.Following;

/**
 * Shows online copies' lag, a line per database, until they end (a cutover or an abort drops each one's slot):
 * redrawn in place on a terminal, a line per database every ten seconds otherwise.
 */
final class FollowLoop {
    private static final int LINE_EVERY = 10;

    private FollowLoop() {
    }

    static int run(ConnInfo source, ConnInfo target, PrintWriter out) {
        try (Following following = Following.open(source, target)) {
            return show(List.of(following), out);
        }
    }

    /** Prints each one's status once, a second after the first reading, so that the apply rate is known. */
    static void once(List<Following> followings, PrintWriter out) {
        Connections.sleep(1000);
        for (Following f : followings) {
            out.println(FollowPrinter.line(f.read()));
        }
        out.flush();
    }

    static int show(List<Following> followings, PrintWriter out) {
        boolean live = Terminal.detectOnStandardOutput().present();
        List<Following> left = new ArrayList<>(followings);
        int drawn = 0;
        for (int second = 1; !left.isEmpty(); second++) {
            Connections.sleep(1000);
            List<String> lines = new ArrayList<>();
            for (Following f : List.copyOf(left)) {
                try {
                    lines.add(live ? FollowPrinter.line(f.read(), Terminal.detectOnStandardOutput().columns())
                            : FollowPrinter.line(f.read()));
                } catch (PgShiftException e) {
                    if (e.code() != ErrorCode.ONLINE_NOT_READY) {
                        throw e;
                    }
                    left.remove(f);
                    lines.add("an online copy ended: its replication slot is gone (cut over or aborted)");
                }
            }
            if (live) {
                StringBuilder screen = new StringBuilder(drawn > 0 ? "\033[" + drawn + "A" : "");
                for (String line : lines) {
                    screen.append("\r\033[K").append(line).append('\n');
                }
                out.print(screen);
                out.flush();
                drawn = lines.size();
            } else if (second % LINE_EVERY == 0 || left.size() < followings.size()) {
                for (String line : lines) {
                    out.println(LogLines.stamp(Clock.systemDefaultZone()) + " " + line);
                }
                out.flush();
            }
            followings.stream().filter(f -> !left.contains(f)).forEach(Following::close);
        }
        out.println("every online copy ended: cut over or aborted");
        out.flush();
        return 0;
    }
}
