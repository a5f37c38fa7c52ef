package io.pgshift.archive;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.pgshift.object.ObjectRef;

/**
 * One file of table data in a dump.
 *
 * @param entry       the TABLE DATA entry whose rows the file holds
 * @param table       the table's qualified, quoted name
 * @param copyTarget  what COPY loads: the table and its column list
 * @param path        relative to the dump directory
 * @param format      the COPY format the rows are in: text or binary
 * @param rows        rows written
 * @param bytes       COPY bytes before compression
 * @param storedBytes the file's size on disk
 * @param sha256      hex SHA-256 of the file's bytes on disk, checked before a restore commits the table
 * @param columnTypes for binary rows, each copied column's type as pg_type names it, domains resolved to their base
 *                    type ({@code int4}, {@code _text}): binary COPY does not say, and {@code restore -f} needs it to
 *                    print the rows as text; null for text rows and in dumps made before the field
 */
public record DataFile(ObjectRef entry, String table, String copyTarget, String path, String format, Compression compression, long rows,
                       long bytes, long storedBytes, String sha256,
                       @JsonInclude(JsonInclude.Include.NON_NULL) List<String> columnTypes) {

    public DataFile(ObjectRef entry, String table, String copyTarget, String path, String format,
                    Compression compression, long rows, long bytes, long storedBytes, String sha256) {
        this(entry, table, copyTarget, path, format, compression, rows, bytes, storedBytes, sha256, null);
    }

    public DataFile withColumnTypes(List<String> types) {
        return new DataFile(entry, table, copyTarget, path, format, compression, rows, bytes, storedBytes, sha256,
                types == null ? null : List.copyOf(types));
    }
}
