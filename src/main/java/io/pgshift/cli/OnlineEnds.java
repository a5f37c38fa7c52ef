package io.pgshift.cli;

import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
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

    ConnInfo target(CommandSpec spec) {
        return ConnectionArgument.required(spec.commandLine(), "--target", target, targetFlags.flags(),
                Environment.system());
    }
}
