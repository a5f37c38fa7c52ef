package io.pgshift.verify;

/**
 * A table's row count and an order-independent hash of its rows. Two tables with equal fingerprints hold
 * the same multiset of rows, up to the (2^-64) chance of a hash collision.
 */
public record Fingerprint(long rows, String hash) {
}
