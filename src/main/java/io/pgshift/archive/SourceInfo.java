package io.pgshift.archive;

/**
 * Where a dump came from, and what a restore creates a missing database with.
 *
 * @param localeProvider {@code c} libc, {@code i} ICU, {@code b} builtin
 * @param locale         the ICU or builtin locale, or null with libc
 */
public record SourceInfo(String server, String serverVersion, String database, String encoding, String collate,
                         String ctype, char localeProvider, String locale, String icuRules) {
}
