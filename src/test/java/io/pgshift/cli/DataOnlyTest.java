package io.pgshift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import io.pgshift.PgShiftException;
import io.pgshift.object.Section;
import io.pgshift.testkit.Cli;
import picocli.CommandLine;

/** dump -a and restore -a/--data-only, as pg_dump -a and pg_restore -a: the data section alone. */
class DataOnlyTest {
    private static RestoreCommand restore(String... args) {
        RestoreCommand command = new RestoreCommand();
        new CommandLine(command).parseArgs(args);
        return command;
    }

    @Test
    void dataOnlyRestoresTheDataSectionAlone() {
        assertThat(restore("-a", "dump.dir").sections()).isEqualTo(EnumSet.of(Section.DATA));
        assertThat(restore("--data-only", "dump.dir").sections()).isEqualTo(EnumSet.of(Section.DATA));
    }

    @Test
    void withoutItEverySectionOrTheChosenOnesAreRestored() {
        assertThat(restore("dump.dir").sections()).isEqualTo(EnumSet.allOf(Section.class));
        assertThat(restore("--section", "post-data", "dump.dir").sections()).isEqualTo(EnumSet.of(Section.POST_DATA));
    }

    @Test
    void dataOnlyWithSectionIsAUsageError() {
        assertThatThrownBy(() -> restore("-a", "--section", "data", "dump.dir").sections())
                .isInstanceOf(PgShiftException.class).hasMessageContaining("leave out --section");
    }

    @Test
    void dumpTakesDataOnlyButNotWithSchemaOnlyOrClean() {
        DumpCommand dump = new DumpCommand();
        new CommandLine(dump).parseArgs("--data-only", "-f", "x");
        assertThat(dump.dataOnly).isTrue();

        Cli.Run both = Cli.run("dump", "-h", "nowhere.invalid", "-a", "-s", "-f", "x");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).isEqualTo("pgshift dump: -a/--data-only cannot be used with -s/--schema-only "
                + "(try pgshift dump --help)" + System.lineSeparator());
        Cli.Run clean = Cli.run("dump", "-h", "nowhere.invalid", "-a", "-c", "-F", "plain");
        assertThat(clean.exitCode()).isEqualTo(2);
        assertThat(clean.err()).contains("-a/--data-only cannot be used with -c/--clean");
    }
}
