package io.pgshift;

/**
 * Every way a pgshift run can fail, each with the process exit code the CLI returns for it.
 * The codes are part of the public contract: scripts depend on them, so never renumber one.
 */
public enum ErrorCode {
    /** A bug or a failure nobody anticipated. */
    INTERNAL(1, "internal error"),
    /** The command line was wrong: unknown option, missing argument, malformed connection string. */
    USAGE(2, "usage error"),
    /** The server could not be reached: unknown host, refused connection, timeout. */
    CONNECTION(3, "cannot connect"),
    /** The server refused the credentials: wrong password, unknown user, no pg_hba entry. */
    AUTHENTICATION(4, "authentication failed"),
    /** SSL could not be negotiated or verified as the sslmode demands. */
    SSL(5, "SSL failure"),
    /** The named database does not exist. */
    DATABASE_NOT_FOUND(6, "database not found"),
    /** The target already holds user objects and --clean was not given. */
    TARGET_NOT_EMPTY(7, "target not empty"),
    /** A server version pgshift cannot handle, or a target older than the source. */
    UNSUPPORTED_VERSION(8, "unsupported version"),
    /** A statement or a COPY failed while the migration ran. */
    MIGRATION_FAILED(9, "migration failed"),
    /** The target does not match the source after the run. */
    VERIFICATION_FAILED(10, "verification failed"),
    /** Reading or writing a local file failed, or a dump file is damaged. */
    IO(11, "file error"),
    /** The pre-flight check found errors, or could not read what it had to check. */
    CHECK_FAILED(12, "check failed"),
    /**
     * Source objects depend on each other in a loop that no order of creation satisfies and that pgshift cannot
     * break by creating a part of one of them later (a view that selects from itself). Found before anything is
     * written.
     */
    DEPENDENCY_LOOP(13, "dependency loop"),
    /**
     * Reading the source failed while the run went on: its COPY was refused, or its connection was lost and
     * could not be taken up again. Failures on the target's side are MIGRATION_FAILED.
     */
    SOURCE_FAILED(14, "reading the source failed"),
    /**
     * Online mode cannot start or go on: a prerequisite is missing on the source (wal_level, free replication
     * slots or WAL senders, the REPLICATION attribute, a replica identity on every table, PostgreSQL 10 or later)
     * or on the target (the right to subscribe, a source it can reach), or there is no online copy to show or
     * cut over. Nothing is left behind on either server.
     */
    ONLINE_NOT_READY(15, "online mode not possible"),
    /**
     * The cutover did not finish: the target did not catch up in time, the source's schema changed while it was
     * followed, or the verification found a difference. The source was made writable again.
     */
    CUTOVER_FAILED(16, "cutover failed"),
    /** The run was interrupted before it finished. */
    INTERRUPTED(130, "interrupted");

    private final int exitCode;
    private final String summary;

    ErrorCode(int exitCode, String summary) {
        this.exitCode = exitCode;
        this.summary = summary;
    }

    public int exitCode() {
        return exitCode;
    }

    public String summary() {
        return summary;
    }
}
