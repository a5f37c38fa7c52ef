package io.pgshift.ddl;

/**
 * Choices that change the statements written, named after the pg_restore options they mirror.
 *
 * @param noOwner leave out ALTER ... OWNER TO, so the connecting user owns everything
 * @param noAcl   leave out GRANT and REVOKE, so objects keep the target's default privileges
 * @param noTablespaces leave out tablespaces, so everything goes to the target database's default one
 * @param noSecurityLabels leave out security labels, which a target without their provider cannot take
 */
public record DdlOptions(boolean noOwner, boolean noAcl, boolean noTablespaces, boolean noSecurityLabels) {
    public static final DdlOptions DEFAULTS = new DdlOptions(false, false, false, false);

    public DdlOptions(boolean noOwner, boolean noAcl, boolean noTablespaces) {
        this(noOwner, noAcl, noTablespaces, false);
    }
}
