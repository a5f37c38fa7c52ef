package io.pgshift.testkit;

import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failed run may print on standard error: the README's contract, "every failure ends with one
 * line on standard error, {@code pgshift: <what>: <details>}", without --verbose no stack trace, and
 * never a password.
 *
 * <p>The only other lines allowed are the progress lines a run prints before it fails
 * ({@code prepare: started}): {@code pgshift copy} announces the prepare phase before it connects.
 * To demand that stderr holds nothing but the error line, make {@link #PROGRESS} match nothing.
 */
public final class ErrorOutput {
    /** A phase start as ConsoleProgress prints it when stderr is not a terminal. */
    static final Pattern PROGRESS = Pattern.compile("[a-z][a-z ]*: started(, .*)?");

    private ErrorOutput() {
    }

    /**
     * Asserts that stderr ends with exactly one {@code pgshift:} line, is free of stack traces and
     * holds none of the secrets; returns that line.
     */
    public static String assertOneErrorLine(String stderr, String... secrets) {
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("stderr:%n%s", stderr).isNotEmpty();
        String last = lines.get(lines.size() - 1);
        assertThat(last).as("the last line of stderr:%n%s", stderr).startsWith("pgshift: ");
        assertThat(lines.subList(0, lines.size() - 1)).as("lines before the error line in stderr:%n%s", stderr)
                .allSatisfy(l -> assertThat(l).matches(PROGRESS));
        assertThat(stderr).as("stderr must not hold a stack trace:%n%s", stderr)
                .doesNotContain("at io.").doesNotContain("at org.").doesNotContain("at java.")
                .doesNotContain("Exception").doesNotContain("Caused by");
        assertNoSecrets(stderr, secrets);
        return last;
    }

    /** Asserts that none of the secrets appears in the text. */
    public static void assertNoSecrets(String text, String... secrets) {
        for (String secret : secrets) {
            assertThat(text).as("a password leaked into:%n%s", text).doesNotContain(secret);
        }
    }
}
