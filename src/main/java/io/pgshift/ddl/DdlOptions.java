package io.pgshift.ddl;

/**
 * Choices that change the statements written, named after the pg_dump and pg_restore options they mirror.
 *
 * @param noOwner leave out ALTER ... OWNER TO, so the connecting user owns everything
 * @param noAcl   leave out GRANT and REVOKE, so objects keep the target's default privileges
 * @param noTablespaces leave out tablespaces, so everything goes to the target database's default one
 * @param noSecurityLabels leave out security labels, which a target without their provider cannot take
 * @param noComments       leave out COMMENT ON statements (--no-comments)
 * @param noPublications   leave out publications and their tables (--no-publications)
 * @param noSubscriptions  leave out subscriptions (--no-subscriptions)
 */
public record DdlOptions(boolean noOwner, boolean noAcl, boolean noTablespaces, boolean noSecurityLabels,
                         boolean noComments, boolean noPublications, boolean noSubscriptions) {
    public static final DdlOptions DEFAULTS = new DdlOptions(false, false, false, false);

    public DdlOptions(boolean noOwner, boolean noAcl, boolean noTablespaces) {
        this(noOwner, noAcl, noTablespaces, false);
    }

    public DdlOptions(boolean noOwner, boolean noAcl, boolean noTablespaces, boolean noSecurityLabels) {
        this(noOwner, noAcl, noTablespaces, noSecurityLabels, false, false, false);
    }

    /** These options' leaving out of comments, publications and subscriptions, with the other choices as given. */
    public DdlOptions leavingOut(boolean comments, boolean publications, boolean subscriptions) {
        return new DdlOptions(noOwner, noAcl, noTablespaces, noSecurityLabels, comments, publications, subscriptions);
    }
}
