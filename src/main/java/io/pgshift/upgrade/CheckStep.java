package io.pgshift.upgrade;

import java.util.List;
import java.util.Set;

import io.pgshift.check.CheckOptions;
import io.pgshift.check.CheckReport;
import io.pgshift.check.FindingCode;
import io.pgshift.check.Preflight;
import io.pgshift.server.DatabaseSelection;

/** The pre-flight of {@code pgshift check}, over the databases the upgrade moves. */
final class CheckStep {
    private CheckStep() {
    }

    /**
     * @param resumable the databases an interrupted upgrade left copied or half copied, which --resume goes on with
     */
    static StepOutcome run(UpgradeOptions options, List<String> databases, Set<String> resumable) {
        CheckReport report = Preflight.run(options.source(), options.target(),
                new CheckOptions(new DatabaseSelection(databases, List.of()), CheckOptions.DEFAULT_PROBE,
                        options.ddl()));
        List<Finding> findings = report.findings().stream()
                .map(f -> finding(f, options.clean(), f.database() != null && resumable.contains(f.database())))
                .toList();
        return new StepOutcome(report.errors() + " errors, " + report.warnings() + " warnings", findings);
    }

    private static Finding finding(io.pgshift.check.Finding f, boolean clean, boolean resumed) {
        Severity severity = Severity.valueOf(f.severity().name());
        boolean notEmpty = severity == Severity.ERROR && f.code().equals(FindingCode.TARGET_NOT_EMPTY.id());
        if (notEmpty && resumed) {
            return new Finding(Step.CHECK, Severity.INFO, f.code(), f.database(), "the target database "
                    + f.database() + " holds what the interrupted upgrade copied into it, which --resume goes on with");
        }
        // --clean replaces the source's objects in a target database that holds them: not an error then.
        if (notEmpty && clean) {
            severity = Severity.WARNING;
        }
        String message = f.message() + (f.fix() != null ? "; fix: " + f.fix() : "");
        return new Finding(Step.CHECK, severity, f.code(), f.database(), message);
    }
}
