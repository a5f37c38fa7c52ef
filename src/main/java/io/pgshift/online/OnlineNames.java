package io.pgshift.online;

/**
 * The names of what online mode creates. The publication and the slot on the source and the subscription on the
 * target all carry one name, made from the source database's OID, so that {@code status}, {@code cutover} and
 * {@code abort} find them from the two connection strings alone, on any machine, after pgshift itself was killed.
 * An OID fits the rules for slot names (lower-case letters, digits and underscores) whatever the database is called.
 */
public final class OnlineNames {
    static final String PREFIX = io.pgshift.catalog.PublicationSource.ONLINE_MODE_PREFIX;

    private OnlineNames() {
    }

    static String forDatabase(long databaseOid) {
        return PREFIX + databaseOid;
    }

    /** Whether a description of an object (a schema comparison's, say) names one of online mode's own objects. */
    public static boolean mentionsOurs(String text) {
        return text != null && text.contains(PREFIX);
    }
}
