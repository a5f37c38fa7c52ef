package io.pgshift.run;

import java.nio.file.Path;

import io.pgshift.archive.Compression;
import io.pgshift.catalog.CatalogFilter;
import io.pgshift.connect.ConnInfo;
import io.pgshift.ddl.DdlOptions;

/**
 * What {@code pgshift dump} was asked to do.
 *
 * @param directory where a directory dump goes; it must not exist yet, or be empty (unused by plain dumps,
 *                  which are written to a stream)
 * @param jobs      tables dumped at the same time, each into its own file
 * @param filter    which objects and rows to dump (-n, -N, -t, -T, --exclude-table-data)
 * @param splitTablesLargerThan a directory dump writes a table larger than this as several range files at once,
 *                  which restore also loads at once; 0 never
 * @param splitParts how many ranges such a table is cut into at most; 0 means as many as jobs
 * @param schemaOnly the definitions only: no rows, sequence positions or large objects (pg_dump -s)
 * @param clean     a plain script drops each object before creating it (pg_dump -c); other formats leave that
 *                  to restore --clean, as pg_dump does
 * @param ifExists  with clean, the drops skip objects that do not exist (pg_dump --if-exists)
 * @param dataOnly  the data section only: rows, sequence positions and large objects, for tables that exist
 *                  (pg_dump -a)
 * @param ddl       what the dump leaves out: comments, publications, subscriptions (owners and privileges are left
 *                  out at restore time)
 * @param disableTriggers a plain data-only script disables each table's triggers around its rows (pg_dump
 *                  --disable-triggers)
 */
public record DumpOptions(ConnInfo source, Path directory, int jobs, Compression compression, CatalogFilter filter,
                          long splitTablesLargerThan, int splitParts, boolean schemaOnly, boolean clean,
                          boolean ifExists, boolean dataOnly, DdlOptions ddl, boolean disableTriggers) {
    /**
     * Larger than copy's default: a dump's ranges are read by the source alone and loaded by the target alone,
     * so each side has the cores to itself, and a table of a few hundred megabytes already gains.
     */
    public static final long DEFAULT_SPLIT_THRESHOLD = 256L << 20;

    public DumpOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
        if (schemaOnly && dataOnly) {
            throw new IllegalArgumentException("schema only and data only cannot be used together");
        }
        if (disableTriggers && !dataOnly) {
            throw new IllegalArgumentException("disabling triggers is for a data-only dump");
        }
    }

    public DumpOptions(ConnInfo source, Path directory, int jobs, Compression compression, CatalogFilter filter,
                       long splitTablesLargerThan, int splitParts, boolean schemaOnly, boolean clean, boolean ifExists,
                       boolean dataOnly) {
        this(source, directory, jobs, compression, filter, splitTablesLargerThan, splitParts, schemaOnly, clean,
                ifExists, dataOnly, DdlOptions.DEFAULTS, false);
    }

    public DumpOptions(ConnInfo source, Path directory, int jobs, Compression compression, CatalogFilter filter) {
        this(source, directory, jobs, compression, filter, DEFAULT_SPLIT_THRESHOLD, 0, false, false, false, false);
    }

    /** Ranges per split table: --split-max-parts, or one per job. */
    public int partsPerTable() {
        return splitParts > 0 ? splitParts : jobs;
    }
}
