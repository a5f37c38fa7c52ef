package io.pgshift.ddl;

/**
 * Choices that change the statements written, named after the pg_restore options they mirror.
 *
 * @param noOwner leave out ALTER ... OWNER TO, so the connecting user owns everything
 */
public record DdlOptions(boolean noOwner) {
    public static final DdlOptions DEFAULTS = new DdlOptions(false);
}
