package io.pgshift.upgrade;

/** How much a finding matters: an error stops the upgrade (before anything is written, in the check). */
public enum Severity {
    ERROR,
    WARNING,
    INFO
}
