package io.pgshift.archive;

/** Where a dump came from. */
public record SourceInfo(String server, String serverVersion, String database, String encoding, String collate,
                         String ctype) {
}
