package io.pgshift.cli;

import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.online.OnlineChoice;
import io.pgshift.online.OnlineCopies;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The two ends of an online copy, as {@code copy --online} was given them: the same for status, cutover and abort. */
final class OnlineEnds {
    @Option(names = "--source", paramLabel = "CONN", description = "The source database of the online copy.")
    String source;

    @Mixin
    SourceFlags sourceFlags = new SourceFlags();

    @Option(names = "--target", paramLabel = "CONN", description = "The target database that follows it.")
    String target;

    @Mixin
    TargetFlags targetFlags = new TargetFlags();

    ConnInfo source(CommandSpec spec) {
        return ConnectionArgument.required(spec.commandLine(), "--source", source, sourceFlags.flags(),
                Environment.system());
    }

    /**
     * The databases meant: the one the source names, or, for a source that names none (a whole server, as after
     * {@code upgrade --online}), every database whose online copy the source holds.
     */
    java.util.List<String> databases(CommandSpec spec) {
        ConnInfo server = source(spec);
        if (!OnlineChoice.wholeServer(server)) {
            return java.util.List.of(server.dbname());
        }
        java.util.List<String> found = OnlineCopies.databases(server);
        if (found.isEmpty()) {
            throw new io.pgshift.PgShiftException(io.pgshift.ErrorCode.ONLINE_NOT_READY, "there is no online copy on "
                    + server.describe() + ": no database of it has a pgshift_online_ replication slot");
        }
        return found;
    }

    ConnInfo source(CommandSpec spec, String database) {
        return source(spec).withDatabase(database);
    }

    ConnInfo target(CommandSpec spec, String database) {
        ConnInfo t = target(spec);
        return OnlineChoice.wholeServer(source(spec)) ? t.withDatabase(database) : t;
    }

    ConnInfo target(CommandSpec spec) {
        return ConnectionArgument.required(spec.commandLine(), "--target", target, targetFlags.flags(),
                Environment.system());
    }
}
