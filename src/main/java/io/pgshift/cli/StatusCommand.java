package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import io.pgshift.online.Following;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", sortOptions = false,
        description = {"Show how far the target of an online copy (copy --online) is behind its source: the lag in "
                + "bytes and seconds, the apply rate, when it would catch up, and the WAL the replication slot holds "
                + "on the source.",
            "On a terminal the line is redrawn every second until Ctrl-C; otherwise, or with --once, it is printed "
                + "once. Exits 15 when no online copy of the source database exists."})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OnlineEnds ends = new OnlineEnds();

    @Option(names = "--once", description = "Print the status once, even on a terminal.")
    boolean once;

    @Mixin
    Verbose verbose = new Verbose();

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<Following> followings = new ArrayList<>();
        try {
            for (String database : ends.databases(spec)) {
                followings.add(Following.open(ends.source(spec, database), ends.target(spec, database)));
            }
            if (once || !Terminal.detectOnStandardOutput().present()) {
                FollowLoop.once(followings, out);
                return 0;
            }
            return FollowLoop.show(followings, out);
        } finally {
            followings.forEach(Following::close);
        }
    }
}
