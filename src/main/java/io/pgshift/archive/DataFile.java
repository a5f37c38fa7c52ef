package io.pgshift.archive;

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
 */
public record DataFile(ObjectRef entry, String table, String copyTarget, String path, String format, Compression compression, long rows,
                       long bytes, long storedBytes, String sha256) {
}
