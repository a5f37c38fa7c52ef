package io.pgshift.ddl;

import java.util.function.Predicate;

import io.pgshift.catalog.Table;

/**
 * What the writer may assume about the session that will run its statements. A copy knows it; a dump's
 * statements run wherever the dump is restored, so a dump assumes nothing ({@link #UNKNOWN}).
 *
 * @param user          the role that will own what the statements create (the session's current_user), or
 *                      null if unknown; ALTER ... OWNER TO that role is left out for objects the run creates
 * @param startsEmpty   the target database holds no user objects when the statements start, so a name the
 *                      server picks for what it creates implicitly (a serial column's sequence) is free
 * @param keysWithTable the tables whose primary keys and unique constraints may be declared in CREATE TABLE:
 *                      those that get their keys before their rows
 */
public record TargetSession(String user, boolean startsEmpty, Predicate<Table> keysWithTable) {
    public static final TargetSession UNKNOWN = new TargetSession(null, false, t -> false);
}
