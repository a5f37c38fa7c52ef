package io.pgshift.testkit;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a failed run may print on standard error: the README's contract, "every failure ends with one
 * line on standard error, {@code pgshift: <what>: <details>}", without --verbose no stack trace, and
 * never a password.
 */
public final class ErrorOutput {
    private ErrorOutput() {
    }

    /**
     * Asserts that stderr ends with exactly one line {@code pgshift: ...}, preceded at most by warnings (which
     * libpq would print too, e.g. for a password file others can read), with no stack trace and none of the
     * secrets; returns the error line.
     */
    public static String assertOneErrorLine(String stderr, String... secrets) {
        List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
        assertThat(lines).as("stderr:%n%s", stderr).isNotEmpty();
        String last = lines.get(lines.size() - 1);
        assertThat(last).as("stderr:%n%s", stderr).startsWith("pgshift: ");
        assertThat(lines.subList(0, lines.size() - 1)).as("lines before the error line in stderr:%n%s", stderr)
                .allSatisfy(l -> assertThat(l.startsWith("warning: ") || isProgress(l)).as(l).isTrue());
        assertThat(stderr).as("stderr must not hold a stack trace:%n%s", stderr)
                .doesNotContain("at io.").doesNotContain("at org.").doesNotContain("at java.")
                .doesNotContain("Exception").doesNotContain("Caused by");
        assertNoSecrets(stderr, secrets);
        return last;
    }

    /**
     * Standard error without its warning lines, such as the one every run whose connection string holds a password
     * prints (as the test servers' strings do), and without the timestamped progress lines a run prints when
     * standard error is not a terminal (docs/output.md).
     */
    public static String withoutWarnings(String stderr) {
        return stderr.lines().filter(l -> !l.startsWith("warning: ") && !isProgress(l))
                .map(l -> l + System.lineSeparator()).reduce("", String::concat);
    }

    /** A timestamped progress line, {@code 2026-12-07T20:42:58Z verify: started, ...}. */
    public static boolean isProgress(String line) {
        return line.matches("^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\S* .*");
    }

    /** Asserts that none of the secrets appears in the text. */
    public static void assertNoSecrets(String text, String... secrets) {
        for (String secret : secrets) {
            assertThat(text).as("a password leaked into:%n%s", text).doesNotContain(secret);
        }
    }
}
