package io.pgshift.run;

import io.pgshift.catalog.CatalogFilter;
import io.pgshift.connect.ConnInfo;
import io.pgshift.ddl.DdlOptions;

/**
 * What {@code pgshift copy} was asked to do.
 *
 * @param jobs       parallel table copies; each copier also builds indexes once no rows are left to copy
 * @param indexJobs  sessions that only build indexes and constraints, each as soon as its table's rows are in
 * @param schemaOnly create the definitions but copy no rows (pg_dump --schema-only)
 * @param filter     which objects and rows to copy (-n, -N, -t, -T, --exclude-table-data)
 * @param clean     replace the target's copies of the source's objects instead of refusing a non-empty target
 * @param ddl       what the statements leave out: owners (--no-owner), privileges (--no-acl)
 * @param analyze   ANALYZE the target afterwards, so the planner has statistics at once
 */
public record CopyOptions(ConnInfo source, ConnInfo target, int jobs, int indexJobs, boolean clean, DdlOptions ddl,
                          boolean analyze, boolean schemaOnly, CatalogFilter filter) {

    public CopyOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        if (indexJobs < 0) {
            throw new IllegalArgumentException("index jobs cannot be negative");
        }
    }
}
