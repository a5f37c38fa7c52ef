package io.pgshift.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare", subcommands = CompareSettingsCommand.class,
        description = "Compare two servers. `pgshift compare settings` compares their server parameters.")
final class CompareCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    StandardOptions standard = new StandardOptions();

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "say what to compare: pgshift compare settings ...");
    }
}
