package io.pgshift.archive;

import java.util.List;

import io.pgshift.plan.Entry;

/**
 * The table of contents of a dump: where it came from, every object with its statements, section and
 * dependencies, in restore order, and every data file with its size and checksum. Its layout is documented
 * in docs/dump-format.md; {@link #FORMAT_VERSION} changes whenever a reader of the old version could
 * misread the new one.
 *
 * @param createdAt ISO-8601 instant, kept as text so the manifest needs no date-time support to read
 */
public record Manifest(int formatVersion, String createdBy, String createdAt, SourceInfo source, List<Entry> entries,
                       List<DataFile> data) {

    /**
     * 2: a table's rows may be in several data files, its ranges, all recorded under the table's entry; a
     * version 1 reader would load only one of them.
     */
    public static final int FORMAT_VERSION = 2;
    public static final String FILE_NAME = "manifest.json";
}
