package io.pgshift.verify;

import java.util.List;

/**
 * What {@code pgshift verify} found.
 *
 * @param databases the databases compared, one for a single-database verification
 * @param missing   databases only one of the servers holds, in a whole-server verification: {@code DATABASE x}
 *                  missing on the target, or only on the target
 * @param roles     roles of the source the target lacks or holds otherwise, in a whole-server verification
 * @param notCompared what the verification did not compare, in words, so that a pass claims no more than it checked
 */
public record VerificationReport(List<DatabaseVerification> databases, List<SchemaDifference> missing,
                                 List<SchemaDifference> roles, List<String> notCompared) {

    /** What a verification of one database leaves to a whole-server one. */
    static final String ROLES_NOT_COMPARED = "roles, which a verification of a whole server compares";

    public VerificationReport {
        databases = List.copyOf(databases);
        missing = List.copyOf(missing);
        roles = List.copyOf(roles);
        notCompared = List.copyOf(notCompared);
    }

    public static VerificationReport of(DatabaseVerification database) {
        return new VerificationReport(List.of(database), List.of(), List.of(), List.of(ROLES_NOT_COMPARED));
    }

    public boolean passed() {
        return missing.isEmpty() && roles.isEmpty() && databases.stream().allMatch(DatabaseVerification::passed);
    }

    public int differenceCount() {
        return missing.size() + roles.size()
                + databases.stream().mapToInt(DatabaseVerification::differenceCount).sum();
    }
}
