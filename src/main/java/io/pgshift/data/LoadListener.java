package io.pgshift.data;

import java.util.function.LongConsumer;

/**
 * What a load tells as it goes: the bytes it moves, and the id of the target transaction it opened, before anything
 * is written in it. A run that keeps a resume log notes the id there, so that after a crash it can ask the target
 * whether that transaction committed ({@code txid_status}), even when the crash came between the commit and the
 * note that it was done.
 */
public interface LoadListener extends LongConsumer {
    /** Called once the transaction is open, with its id. */
    default void began(long transactionId) {
    }
}
