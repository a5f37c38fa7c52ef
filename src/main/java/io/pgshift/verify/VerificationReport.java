package io.pgshift.verify;

import java.util.List;

/**
 * What {@code pgshift verify} found.
 *
 * @param databases the databases compared, one for a single-database verification
 * @param missing   databases only one of the servers holds, in a whole-server verification: {@code DATABASE x}
 *                  missing on the target, or only on the target
 */
public record VerificationReport(List<DatabaseVerification> databases, List<SchemaDifference> missing) {

    public static VerificationReport of(DatabaseVerification database) {
        return new VerificationReport(List.of(database), List.of());
    }

    public boolean passed() {
        return missing.isEmpty() && databases.stream().allMatch(DatabaseVerification::passed);
    }

    public int differenceCount() {
        return missing.size() + databases.stream().mapToInt(DatabaseVerification::differenceCount).sum();
    }
}
