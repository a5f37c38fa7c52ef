package io.pgshift.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.online.Abort;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "abort", sortOptions = false,
        description = {"Stop an online copy (copy --online) and remove everything it made: the subscription on the "
                + "target, the replication slot and the publication on the source, and the REPLICA IDENTITY FULL "
                + "it gave tables. The target keeps the rows it holds; the source is not otherwise changed.",
            "Safe to run in any state, and again: what is already gone is skipped. Exits 9 and names what it could "
                + "not remove."})
final class AbortCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    OnlineEnds ends = new OnlineEnds();

    @Mixin
    Verbose verbose = new Verbose();

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        java.util.List<String> problems = new java.util.ArrayList<>();
        for (String database : ends.databases(spec)) {
            Abort.Result result = Abort.run(ends.source(spec, database), ends.target(spec, database));
            problems.addAll(result.problems());
            if (result.removed().isEmpty()) {
                out.println(database + ": no online copy of this database was found: nothing to remove ("
                        + result.name() + ")");
            } else {
                out.println(database + ": removed " + String.join(", ", result.removed()));
            }
        }
        if (!problems.isEmpty()) {
            throw new PgShiftException(ErrorCode.MIGRATION_FAILED, "abort: " + String.join("; ", problems));
        }
        return 0;
    }
}
