package io.pgshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import io.pgshift.testkit.Cli;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** --help and -V/--version on every command, no -h for help anywhere, and help texts made of whole sentences. */
class HelpAndVersionTest {
    /** Every command, subcommands included, as picocli builds them from their annotations. */
    private static List<CommandLine> everyCommand() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.commandLine(), all);
        return all;
    }

    private static void collect(CommandLine cli, List<CommandLine> all) {
        all.add(cli);
        cli.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    private static String[] path(CommandLine cli) {
        String name = cli.getCommandSpec().qualifiedName(" ");
        return name.equals("pgshift") ? new String[0] : name.substring("pgshift ".length()).split(" ");
    }

    private static String[] with(String[] path, String option) {
        String[] args = java.util.Arrays.copyOf(path, path.length + 1);
        args[path.length] = option;
        return args;
    }

    @Test
    void everyCommandHasHelpAndVersionButNoDashHForHelp() {
        for (CommandLine cli : everyCommand()) {
            CommandSpec spec = cli.getCommandSpec();
            assertThat(spec.findOption("--help")).as(spec.qualifiedName()).isNotNull();
            assertThat(spec.findOption("--help").usageHelp()).isTrue();
            assertThat(spec.findOption("-V").versionHelp()).as(spec.qualifiedName()).isTrue();
            OptionSpec h = spec.findOption("-h");
            assertThat(h == null || !h.usageHelp()).as(spec.qualifiedName()).isTrue();
        }
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() {
        for (CommandLine cli : everyCommand()) {
            Cli.Run run = Cli.run(with(path(cli), "--help"));

            assertThat(run.exitCode()).as(cli.getCommandSpec().qualifiedName()).isZero();
            assertThat(run.out()).startsWith("Usage: " + cli.getCommandSpec().qualifiedName());
        }
    }

    @Test
    void dashHIsTheHostOnCommandsWithOneEndAndUnknownOnTheOthers() {
        assertThat(new CommandLine(new DumpCommand()).getCommandSpec().findOption("-h").longestName())
                .isEqualTo("--host");
        Cli.Run copy = Cli.run("copy", "-h");

        assertThat(copy.exitCode()).isEqualTo(2);
        assertThat(copy.err()).startsWith("pgshift copy: unknown option: '-h'");
    }

    @Test
    void versionNamesTheProjectVersionAndACommitOnEveryCommand() {
        for (CommandLine cli : everyCommand()) {
            Cli.Run run = Cli.run(with(path(cli), "-V"));

            assertThat(run.exitCode()).isZero();
            assertThat(run.out()).matches("pgshift \\S+ \\((commit \\S+.*|unknown commit)\\)\\R");
        }
    }

    @Test
    void aVersionFileTheBuildFilledInNamesTheVersionAndCommit() {
        Properties p = new Properties();
        p.setProperty("version", "1.2.3");
        p.setProperty("commit", "0123456789ab");

        assertThat(Version.describe(p)).isEqualTo("pgshift 1.2.3 (commit 0123456789ab)");
        p.setProperty("commit", "0123456789ab-dirty");
        assertThat(Version.describe(p)).isEqualTo("pgshift 1.2.3 (commit 0123456789ab, with uncommitted changes)");
    }

    @Test
    void aBuildWithoutGitSaysUnknownCommit() {
        Properties p = new Properties();
        p.setProperty("version", "1.2.3");
        p.setProperty("commit", "");
        assertThat(Version.describe(p)).isEqualTo("pgshift 1.2.3 (unknown commit)");
        p.setProperty("commit", "${pgshift.commit}");
        assertThat(Version.describe(p)).isEqualTo("pgshift 1.2.3 (unknown commit)");
        assertThat(Version.describe(new Properties())).isEqualTo("pgshift (unknown version) (unknown commit)");
    }

    @Test
    void everyDescriptionEndsAsASentenceEnds() {
        for (CommandLine cli : everyCommand()) {
            CommandSpec spec = cli.getCommandSpec();
            for (String paragraph : spec.usageMessage().description()) {
                assertThat(paragraph).as(spec.qualifiedName()).matches("(?s).*[.)]");
            }
            for (OptionSpec option : spec.options()) {
                assertThat(String.join(" ", option.description())).as(spec.qualifiedName() + " " + option.longestName())
                        .matches("(?s).*[.)]");
            }
        }
    }

    @Test
    void theHelpListsEveryDocumentedExitCode() {
        String help = Cli.run("--help").out();

        for (io.pgshift.ErrorCode code : io.pgshift.ErrorCode.values()) {
            assertThat(help).containsPattern("(?m)^ +" + code.exitCode() + " +\\S");
        }
    }
}
