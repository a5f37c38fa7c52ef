package io.pgshift.online;

/** When the cutover proves the target equal to the source. */
public enum VerifyAt {
    /**
     * Before the target is handed over, while the writes are stopped: a difference makes the source writable again
     * and leaves the target following. The write stop lasts as long as hashing every row takes.
     */
    BEFORE_HANDOVER,
    /**
     * After the handover, on the target as it was at the handover (a snapshot held open) against the source, which
     * stays read-only: the write stop no longer grows with the data, but a difference is found once the application
     * may write to the target. It is named, and the read-only source still holds the rows to copy again.
     */
    AFTER_HANDOVER
}
