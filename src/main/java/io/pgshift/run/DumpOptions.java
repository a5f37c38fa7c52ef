package io.pgshift.run;

import java.nio.file.Path;

import io.pgshift.archive.Compression;
import io.pgshift.catalog.CatalogFilter;
import io.pgshift.connect.ConnInfo;

/**
 * What {@code pgshift dump} was asked to do.
 *
 * @param directory where a directory dump goes; it must not exist yet, or be empty (unused by plain dumps,
 *                  which are written to a stream)
 * @param jobs      tables dumped at the same time, each into its own file
 * @param filter    which objects and rows to dump (-n, -N, -t, -T, --exclude-table-data)
 */
public record DumpOptions(ConnInfo source, Path directory, int jobs, Compression compression, CatalogFilter filter) {
    public DumpOptions {
        if (jobs < 1) {
            throw new IllegalArgumentException("jobs must be at least 1");
        }
    }
}
