package io.pgshift.check;

/**
 * What the probe measured: how fast one session read rows from the source with COPY, expressed as table bytes
 * (on disk) per second so that database sizes can be divided by it.
 *
 * @param database      where the probe read
 * @param table         the table read, the largest the source user may read
 * @param bytesPerSecond table bytes covered per second
 * @param seconds       how long it read
 * @param copyBytes     how many bytes COPY sent in that time
 */
public record Throughput(String database, String table, double bytesPerSecond, double seconds, long copyBytes) {
}
