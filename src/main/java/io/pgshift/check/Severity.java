package io.pgshift.check;

/** How much a finding matters; any ERROR makes the check fail. */
public enum Severity {
    /** The upgrade would fail or lose something: fix it first. */
    ERROR,
    /** The upgrade can go on, but look at it: behaviour may change, or a step may need a hand. */
    WARNING,
    /** Worth knowing; nothing to fix. */
    INFO
}
