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
 * @param splitTablesLargerThan tables with more bytes than this are copied in several ranges at once; 0 never
 * @param splitMaxParts         how many ranges such a table is cut into at most; 0 for as many as {@code jobs}
 * @param keepRoleGrants        keep the memberships a target user that is not a superuser granted itself to give
 *                              objects their owners, instead of taking them back at the end
 * @param faults                how often a table is tried again on new connections, and when a stream counts as
 *                              stalled
 * @param resume                go on with an interrupted copy from its resume log instead of starting over
 * @param stateDirectory        where resume logs are kept
 * @param dataOnly              copy the data section alone, rows, sequence positions and large objects, into tables
 *                              that exist and are empty (-a/--data-only)
 * @param disableTriggers       with dataOnly, each table's triggers are off while its rows go in (--disable-triggers)
 */
public record CopyOptions(ConnInfo source, ConnInfo target, int jobs, int indexJobs, boolean clean, DdlOptions ddl,
                          boolean analyze, boolean schemaOnly, CatalogFilter filter, long splitTablesLargerThan,
                          int splitMaxParts, boolean keepRoleGrants, Faults faults, boolean resume,
                          java.nio.file.Path stateDirectory, boolean dataOnly, boolean disableTriggers) {

    public CopyOptions(ConnInfo source, ConnInfo target, int jobs, int indexJobs, boolean clean, DdlOptions ddl,
                       boolean analyze, boolean schemaOnly, CatalogFilter filter, long splitTablesLargerThan,
                       int splitMaxParts, boolean keepRoleGrants) {
        this(source, target, jobs, indexJobs, clean, ddl, analyze, schemaOnly, filter, splitTablesLargerThan,
                splitMaxParts, keepRoleGrants, Faults.DEFAULTS, false, ResumeLog.defaultDirectory(), false, false);
    }

    public CopyOptions withFaults(Faults newFaults) {
        return new CopyOptions(source, target, jobs, indexJobs, clean, ddl, analyze, schemaOnly, filter,
                splitTablesLargerThan, splitMaxParts, keepRoleGrants, newFaults, resume, stateDirectory, dataOnly,
                disableTriggers);
    }

    /** Keeps (or takes back at the end) the memberships a target user that is not a superuser grants itself. */
    public CopyOptions withKeepRoleGrants(boolean keep) {
        return new CopyOptions(source, target, jobs, indexJobs, clean, ddl, analyze, schemaOnly, filter,
                splitTablesLargerThan, splitMaxParts, keep, faults, resume, stateDirectory, dataOnly, disableTriggers);
    }

    /** Resumes an interrupted copy (or not), keeping resume logs in the directory given, or the default one. */
    public CopyOptions withResume(boolean resumeIt, java.nio.file.Path directory) {
        return new CopyOptions(source, target, jobs, indexJobs, clean, ddl, analyze, schemaOnly, filter,
                splitTablesLargerThan, splitMaxParts, keepRoleGrants, faults, resumeIt,
                directory != null ? directory : stateDirectory, dataOnly, disableTriggers);
    }

    /**
     * Copies the data section alone into tables that exist (-a), as pg_dump -a and pg_restore -a do, with each
     * table's triggers off while its rows go in (--disable-triggers) or not.
     */
    public CopyOptions withDataOnly(boolean onlyData, boolean disable) {
        return new CopyOptions(source, target, jobs, indexJobs, clean, ddl, analyze, schemaOnly, filter,
                splitTablesLargerThan, splitMaxParts, keepRoleGrants, faults, resume, stateDirectory, onlyData,
                disable);
    }

    /** Large tables are cut at 1GB unless told otherwise, as pgcopydb's --split-tables-larger-than suggests. */
    public static final long DEFAULT_SPLIT_THRESHOLD = 1L << 30;

    public CopyOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        if (indexJobs < 0) {
            throw new IllegalArgumentException("index jobs cannot be negative");
        }
        if (resume && clean) {
            throw new IllegalArgumentException("--resume goes on with an interrupted copy, --clean starts over");
        }
        if (dataOnly && (schemaOnly || clean || resume)) {
            throw new IllegalArgumentException("--data-only goes with neither --schema-only, --clean nor --resume");
        }
        if (disableTriggers && !dataOnly) {
            throw new IllegalArgumentException("--disable-triggers is for a data-only copy");
        }
        if (splitTablesLargerThan < 0 || splitMaxParts < 0) {
            throw new IllegalArgumentException("split threshold and parts cannot be negative");
        }
    }

    /**
     * How many ranges a large table is cut into at most: --split-max-parts, or one per job. When both servers
     * run on this machine they share its cores, and each stream keeps a core busy on each side: streams beyond
     * half the cores only compete (pgbench scale 200 on 2 cores: one stream 19.9 s, two 21.8 s), so the
     * default then stops there. Servers of their own get one range per job.
     */
    public int splitParts() {
        if (splitMaxParts > 0) {
            return splitMaxParts;
        }
        if (source.onThisMachine() && target.onThisMachine()) {
            return Math.max(1, Math.min(jobs, Runtime.getRuntime().availableProcessors() / 2));
        }
        return jobs;
    }
}
