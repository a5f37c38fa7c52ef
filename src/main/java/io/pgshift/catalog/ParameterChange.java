package io.pgshift.catalog;

/**
 * One change to a server parameter in a major release, as the data files under
 * {@code src/main/resources/io/pgshift/settings/pgNN.json} record it.
 *
 * @param version         the first major version with the change (10, 11, ... 18)
 * @param replacement     the new name of a renamed parameter, else null
 * @param from            the default before the change (default changes only), as SHOW prints it
 * @param to              the default after the change (default changes only)
 * @param note            what the user should know, or null
 * @param oldNameAccepted the renamed or removed name is still accepted by the new version (as an alias, or
 *                        only with its old default), so configuration naming it still loads
 */
public record ParameterChange(String name, int version, Kind kind, String replacement, String from, String to,
                              String note, boolean oldNameAccepted) {

    public enum Kind {
        /** The parameter has a new name. */
        RENAMED,
        /** The parameter is gone. */
        REMOVED,
        /** Its built-in default changed. */
        DEFAULT,
        /** A new parameter. */
        ADDED
    }

    /** Renamed or removed: configuration that sets it must change. */
    public boolean retires() {
        return kind == Kind.RENAMED || kind == Kind.REMOVED;
    }
}
