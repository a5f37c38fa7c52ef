package io.pgshift.run;

import io.pgshift.connect.ConnInfo;
import io.pgshift.ddl.DdlOptions;

/**
 * What {@code pgshift copy} was asked to do.
 *
 * @param jobs      parallel table copies (and index builds)
 * @param clean     replace the target's copies of the source's objects instead of refusing a non-empty target
 * @param ddl       what the statements leave out: owners (--no-owner), privileges (--no-acl)
 * @param analyze   ANALYZE the target afterwards, so the planner has statistics at once
 */
public record CopyOptions(ConnInfo source, ConnInfo target, int jobs, boolean clean, DdlOptions ddl,
                          boolean analyze) {

    public CopyOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }
}
