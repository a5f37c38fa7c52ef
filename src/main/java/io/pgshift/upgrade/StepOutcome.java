package io.pgshift.upgrade;

import java.util.List;

/** What a step did, in a line, and what it found. */
record StepOutcome(String summary, List<Finding> findings) {
    StepOutcome {
        findings = List.copyOf(findings);
    }
}
