package io.pgshift.cli;

import java.io.PrintWriter;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Connections;
import io.pgshift.online.Following;

/**
 * Shows an online copy's lag until it ends (a cutover or an abort drops its slot): redrawn in place on a terminal,
 * a line every ten seconds otherwise.
 */
final class FollowLoop {
    private static final int LINE_EVERY = 10;

    private FollowLoop() {
    }

    static int run(ConnInfo source, ConnInfo target, PrintWriter out) {
        try (Following following = Following.open(source, target)) {
            return show(following, out);
        }
    }

    static int show(Following following, PrintWriter out) {
        boolean live = Terminal.detect().present();
        for (int second = 1; ; second++) {
            Connections.sleep(1000);
            String line;
            try {
                line = live ? FollowPrinter.line(following.read(), Terminal.detect().columns())
                        : FollowPrinter.line(following.read());
            } catch (PgShiftException e) {
                if (e.code() == ErrorCode.ONLINE_NOT_READY) {
                    out.println((live ? "\n" : "") + "the online copy ended: its replication slot is gone (cut over "
                            + "or aborted)");
                    out.flush();
                    return 0;
                }
                throw e;
            }
            if (live) {
                out.print("\r\033[K" + line);
                out.flush();
            } else if (second % LINE_EVERY == 0) {
                out.println(LogLines.stamp(java.time.Clock.systemDefaultZone()) + " " + line);
                out.flush();
            }
        }
    }
}
