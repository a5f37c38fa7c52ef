package io.pgshift.online;

/** How the cutover stops the application's writes on the source. */
public enum StopWrites {
    /** Make the source database read-only for new sessions and end the open ones (the default). */
    READ_ONLY,
    /** The user stopped the application already: change nothing on the source before catching up. */
    NONE
}
