package io.pgshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.progress.Phase;
import io.pgshift.progress.Progress;

/** What reaches standard error and the log file in each mode, with a fake clock and a fixed terminal size. */
class ConsoleProgressTest {
    private static final String ISO_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(Z|[+-]\\d\\d:\\d\\d) ";

    private final FakeClock clock = new FakeClock();
    private final StringWriter err = new StringWriter();
    private final StringWriter log = new StringWriter();

    private ConsoleProgress progress(ConsoleProgress.Mode mode, int columns) {
        return new ConsoleProgress(new PrintWriter(err), mode, new PrintWriter(log), clock,
                new Terminal(mode == ConsoleProgress.Mode.LIVE, columns, 24));
    }

    /** Runs a copy-like sequence of events, redrawing every quarter second. */
    private void run(ConsoleProgress renderer) {
        Progress prepare = new Progress(Phase.PREPARE, 0, 0);
        renderer.phaseStarted(prepare);
        renderer.draw();
        renderer.phaseFinished(prepare);
        Progress data = new Progress(Phase.DATA, 3, 300L << 20);
        Progress indexes = new Progress(Phase.INDEXES, 5, 0);
        renderer.phaseStarted("a_database_with_a_long_name", data);
        renderer.phaseStarted("a_database_with_a_long_name", indexes);
        for (int tick = 1; tick <= 60; tick++) {
            data.addBytes(5L << 20);
            clock.advance(Duration.ofMillis(250));
            if (tick % 20 == 0) {
                data.itemDone(100_000);
                renderer.itemDone(data, "public.table_" + tick, 100_000, 100L << 20, Duration.ofSeconds(5));
            }
            if (tick == 30) {
                renderer.warning("a warning in the middle of the run");
            }
            renderer.draw();
        }
        renderer.phaseFinished("a_database_with_a_long_name", data);
        renderer.phaseFinished("a_database_with_a_long_name", indexes);
        renderer.close();
    }

    /** The screen's lines as a terminal would show them: what follows the last carriage return of each. */
    private static List<String> screenLines(String output) {
        String plain = output.replaceAll("\u001b\\[[0-9]*[A-Za-z]", "\r");
        return Arrays.stream(plain.split("\n")).flatMap(l -> Arrays.stream(l.split("\r"))).toList();
    }

    @Test
    void onATerminalEveryLineFitsTheWidthAndTheStatusIsRedrawnInPlace() {
        run(progress(ConsoleProgress.Mode.LIVE, 72));

        String output = err.toString();
        // The lines that stay (a phase done, a warning) are whole, and may wrap as any output does; the status
        // lines, which are overwritten, must not.
        assertThat(screenLines(output)).filteredOn(l -> !l.contains(": done") && !l.startsWith("warning: "))
                .allSatisfy(l -> assertThat(l.length()).as(l).isLessThan(72));
        // 60 redraws of a two-line block, and only the lines that stay end with a new line of their own.
        long newLines = output.chars().filter(c -> c == '\n').count();
        assertThat(newLines).as(output).isLessThan(70);
        assertThat(output).contains("prepare: done in").doesNotContain("0/0")
                .contains("a_database_with_a_long_name: data: done, 3 items, 300,000 rows, 300.0 MB")
                .contains("warning: a warning in the middle of the run")
                .contains("ETA");
        assertThat(output).as("the block is taken away at the end").endsWith("\u001b[J");
    }

    @Test
    void elsewhereEachEventIsOneTimestampedLineWithoutCarriageReturns() {
        run(progress(ConsoleProgress.Mode.LINES, 60));

        String output = err.toString();
        assertThat(output).doesNotContain("\r").doesNotContain("\u001b");
        List<String> lines = output.lines().toList();
        assertThat(lines).allSatisfy(l -> assertThat(l).matches(l.startsWith("warning: ") ? "warning: .*"
                : ISO_TIME + ".*"));
        assertThat(lines).anyMatch(l -> l.endsWith("data: public.table_20: 100,000 rows, 100.0 MB in 5.00 s (1/3)"))
                .anyMatch(l -> l.endsWith("a_database_with_a_long_name: data: started, 3 items, about 300.0 MB"))
                .noneMatch(l -> l.contains("0 B"));
    }

    @Test
    void quietShowsOnlyTheWarnings() {
        run(progress(ConsoleProgress.Mode.QUIET, 60));

        assertThat(err.toString()).isEqualTo("warning: a warning in the middle of the run" + System.lineSeparator());
    }

    @Test
    void theLogFileGetsEveryEventWithItsTimeInEveryMode() {
        for (ConsoleProgress.Mode mode : ConsoleProgress.Mode.values()) {
            log.getBuffer().setLength(0);
            run(progress(mode, 60));

            List<String> lines = log.toString().lines().toList();
            assertThat(lines).as(mode.name()).allSatisfy(l -> assertThat(l).matches(ISO_TIME + ".*"))
                    .anyMatch(l -> l.endsWith(" prepare: started"))
                    .anyMatch(l -> l.endsWith(" warning: a warning in the middle of the run"))
                    .anyMatch(l -> l.contains(" data: public.table_60: "))
                    .anyMatch(l -> l.contains(" indexes and constraints: done"));
        }
    }
}
