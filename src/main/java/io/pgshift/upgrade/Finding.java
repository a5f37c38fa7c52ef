package io.pgshift.upgrade;

/**
 * Something a step found that the user should read.
 *
 * @param code     stable, for scripts: the check's own codes, or one of pgshift's upgrade codes below
 * @param database the database concerned; null for what is server-wide
 */
public record Finding(Step step, Severity severity, String code, String database, String message) {
    /** A copy went on with a change the user should know about (a locale replaced, an extension version). */
    public static final String COPY_WARNING = "COPY_WARNING";
    /** A table could not be analyzed. */
    public static final String ANALYZE_WARNING = "ANALYZE_WARNING";
    /** A database cannot be connected to (datallowconn is false), so it is not moved. */
    public static final String DATABASE_NOT_CONNECTABLE = "DATABASE_NOT_CONNECTABLE";
    /** An object is defined differently on the target. */
    public static final String VERIFY_OBJECT_DIFFERS = "VERIFY_OBJECT_DIFFERS";
    /** A table's rows differ on the target. */
    public static final String VERIFY_ROWS_DIFFER = "VERIFY_ROWS_DIFFER";
    /** A sequence stands elsewhere on the target. */
    public static final String VERIFY_SEQUENCE_DIFFERS = "VERIFY_SEQUENCE_DIFFERS";
    /** A large object is missing, extra, or differs in owner, privileges or contents. */
    public static final String VERIFY_LARGE_OBJECT_DIFFERS = "VERIFY_LARGE_OBJECT_DIFFERS";
}
