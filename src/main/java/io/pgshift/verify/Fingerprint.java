package io.pgshift.verify;

import java.math.BigInteger;

/**
 * A table's row count and an order-independent hash of its rows. Two tables with equal fingerprints hold
 * the same multiset of rows, up to the (2^-64) chance of a hash collision.
 *
 * @param hash the exact sum, in decimal, of a 64-bit hash of every row (see {@link RowHasher})
 */
public record Fingerprint(long rows, String hash) {
    static final Fingerprint EMPTY = new Fingerprint(0, "0");

    /**
     * The fingerprint of the union of two sets of rows that share no row: counts and sums add up. This is why
     * any partition of a table into ranges hashes to the same fingerprint as the whole table.
     */
    Fingerprint plus(Fingerprint other) {
        return new Fingerprint(rows + other.rows, new BigInteger(hash).add(new BigInteger(other.hash)).toString());
    }
}
