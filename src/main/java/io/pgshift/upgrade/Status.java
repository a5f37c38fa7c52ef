package io.pgshift.upgrade;

/** Where a step or a database stands. */
public enum Status {
    /** Finished without error. */
    DONE,
    /** Started and failed; the report's failure says why. */
    FAILED,
    /** Left out on purpose: by an option, or because this build cannot do it yet. */
    SKIPPED,
    /** Never started, because an earlier step failed. */
    NOT_RUN,
    /** Still running when the report was taken: the run was interrupted. */
    RUNNING
}
