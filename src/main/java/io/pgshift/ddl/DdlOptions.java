package io.pgshift.ddl;

/**
 * Choices that change the statements written, named after the pg_restore options they mirror.
 *
 * @param noOwner leave out ALTER ... OWNER TO, so the connecting user owns everything
 * @param noAcl   leave out GRANT and REVOKE, so objects keep the target's default privileges
 */
public record DdlOptions(boolean noOwner, boolean noAcl) {
    public static final DdlOptions DEFAULTS = new DdlOptions(false, false);
}
