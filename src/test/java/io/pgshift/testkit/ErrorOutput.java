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
                .allSatisfy(l -> assertThat(l).startsWith("warning: "));
        assertThat(stderr).as("stderr must not hold a stack trace:%n%s", stderr)
                .doesNotContain("at io.").doesNotContain("at org.").doesNotContain("at java.")
                .doesNotContain("Exception").doesNotContain("Caused by");
        assertNoSecrets(stderr, secrets);
        return last;
    }

    /**
     * Standard error without its warning lines, such as the one every run whose connection string holds a password
     * prints (as the test servers' strings do).
     */
    public static String withoutWarnings(String stderr) {
        return stderr.lines().filter(l -> !l.startsWith("warning: ")).map(l -> l + System.lineSeparator())
                .reduce("", String::concat);
    }

    /** Asserts that none of the secrets appears in the text. */
    public static void assertNoSecrets(String text, String... secrets) {
        for (String secret : secrets) {
            assertThat(text).as("a password leaked into:%n%s", text).doesNotContain(secret);
        }
    }
}
