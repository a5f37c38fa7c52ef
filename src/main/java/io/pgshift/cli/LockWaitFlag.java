package io.pgshift.cli;

import java.util.regex.Pattern;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/** pg_dump's --lock-wait-timeout, for the commands that read a source's tables. */
final class LockWaitFlag {
    @Option(names = "--lock-wait-timeout", paramLabel = "TIMEOUT", converter = Timeout.class,
            description = "Wait at most this long for a lock on a source table (milliseconds, or with a unit: 10s, "
                    + "2min), then fail with exit code 14 instead of waiting behind another session's ALTER TABLE, "
                    + "TRUNCATE or VACUUM FULL. Default: wait as long as it takes.")
    String timeout;

    /** A value the server's lock_timeout takes: a number of milliseconds, or a number and a unit. */
    static final class Timeout implements ITypeConverter<String> {
        private static final Pattern VALUE = Pattern.compile("\\d+\\s*(ms|s|min|h|d)?");

        @Override
        public String convert(String value) {
            String v = value.strip();
            if (!VALUE.matcher(v).matches()) {
                throw new BadValue("must be a number of milliseconds, or a number with a unit (ms, s, min, h, d), "
                        + "such as 10s: " + value);
            }
            return v.replace(" ", "");
        }
    }
}
