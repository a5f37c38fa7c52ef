package io.pgshift.catalog;

/**
 * One database of a server, as server-wide commands see it.
 *
 * @param bytes             pg_database_size, 0 when the user may not connect to it
 * @param allowsConnections false for a database nobody can connect to (datallowconn), which cannot be read
 */
public record ServerDatabase(String name, long bytes, boolean allowsConnections) {
}
