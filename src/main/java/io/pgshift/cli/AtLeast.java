package io.pgshift.cli;

import picocli.CommandLine.ITypeConverter;

/**
 * Counts that have a lower bound (-j, --index-jobs, --split-max-parts), checked while the command line is parsed,
 * so that every command refuses them the same way: as a usage error naming the option, before any work starts.
 */
final class AtLeast {
    private AtLeast() {
    }

    /** A count of one or more: jobs, ranges. */
    static final class One implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parse(value, 1);
        }
    }

    /** A count of zero or more: sessions that may be left out altogether. */
    static final class Zero implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            return parse(value, 0);
        }
    }

    static int parse(String value, int least) {
        int n;
        try {
            n = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new BadValue("must be a whole number, not '" + value + "'");
        }
        if (n < least) {
            throw new BadValue("must be at least " + least);
        }
        return n;
    }
}
