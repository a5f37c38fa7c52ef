package io.pgshift.upgrade;

/**
 * Something a step found that the user should read.
 *
 * @param code     stable, for scripts: the check's codes ({@code PGS-TARGET-NOT-EMPTY}, ...), the other steps'
 *                 (in {@link RoleSteps} and {@link SettingsStep}), or those below
 * @param database the database concerned; null for what is server-wide
 */
public record Finding(Step step, Severity severity, String code, String database, String message) {
    /** A copy went on with a change the user should know about (a locale replaced, an extension version). */
    public static final String COPY_WARNING = "PGS-COPY-WARNING";
    /** A table could not be analyzed. */
    public static final String ANALYZE_WARNING = "PGS-ANALYZE-WARNING";
    /** A database cannot be connected to (datallowconn is false), so it is not moved. */
    public static final String DATABASE_NOT_CONNECTABLE = "PGS-DATABASE-NOT-CONNECTABLE";
    /**
     * A database is not moved: a template, a provider's, or excluded. The same code as the check's, for scripts
     * that filter findings; the report's skippedDatabases lists them all.
     */
    public static final String DATABASE_SKIPPED = "PGS-DATABASE-SKIPPED";
    /** A resumed upgrade leaves a database as the interrupted one copied it, whole. */
    public static final String COPIED_BEFORE = "PGS-COPIED-BEFORE";
    /** The target user granted itself the roles that own the source's objects (or could not take them back). */
    public static final String OWNER_ROLES_GRANTED = "PGS-OWNER-ROLES-GRANTED";
    /** An object is defined differently on the target. */
    public static final String VERIFY_OBJECT_DIFFERS = "PGS-VERIFY-OBJECT-DIFFERS";
    /** A table's rows differ on the target. */
    public static final String VERIFY_ROWS_DIFFER = "PGS-VERIFY-ROWS-DIFFER";
    /** A sequence stands elsewhere on the target. */
    public static final String VERIFY_SEQUENCE_DIFFERS = "PGS-VERIFY-SEQUENCE-DIFFERS";
    /** A large object is missing, extra, or differs in owner, privileges or contents. */
    public static final String VERIFY_LARGE_OBJECT_DIFFERS = "PGS-VERIFY-LARGE-OBJECT-DIFFERS";
}
