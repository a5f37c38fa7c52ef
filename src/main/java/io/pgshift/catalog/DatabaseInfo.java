package io.pgshift.catalog;

/** The properties a target database is created with. */
public record DatabaseInfo(String name, String owner, String encoding, String collate, String ctype) {
}
