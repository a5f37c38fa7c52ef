package io.pgshift.upgrade;

import java.util.ArrayList;
import java.util.List;

import io.pgshift.settings.SettingsComparison;
import io.pgshift.settings.SettingsReport;
import io.pgshift.settings.SettingsScript;

/**
 * The comparison of {@code pgshift compare settings}: configuring the target stays the user's decision, so all it
 * produces is findings, and with --settings-script the statements for the user to review and run. A parameter the
 * source changes and the target has otherwise is a warning to review; one the target already has is not mentioned.
 */
final class SettingsStep {
    static final String SETTING_CHANGED = "PGS-SETTING-CHANGED";
    static final String SETTING_RETIRED = "PGS-SETTING-RETIRED";
    static final String DEFAULT_CHANGED = "PGS-SETTING-DEFAULT-CHANGED";
    static final String SETTINGS_NEW = "PGS-SETTINGS-NEW";

    private SettingsStep() {
    }

    static StepOutcome run(UpgradeOptions options) {
        SettingsReport r = SettingsComparison.run(options.source(), options.target());
        List<Finding> findings = new ArrayList<>();
        for (SettingsReport.Changed c : r.changed()) {
            String target = c.targetName() == null ? "the target has no such parameter"
                    : (c.targetName().equals(c.name()) ? "" : c.targetName() + " = ") + c.targetValue()
                            + " on the target";
            findings.add(finding(Severity.WARNING, SETTING_CHANGED, c.name() + " = "
                    + c.sourceValue() + " on the source (" + c.setIn() + "), " + target
                    + (c.note() != null ? "; " + c.note() : "")));
        }
        for (SettingsReport.Retired t : r.retired()) {
            findings.add(finding(t.setOnSource() ? Severity.WARNING : Severity.INFO, SETTING_RETIRED, t.name()
                    + (t.replacement() != null ? " is " + t.replacement() + " from PostgreSQL " + t.version()
                            : " is gone from PostgreSQL " + t.version())
                    + (t.setOnSource() ? "; the source sets it to " + t.sourceValue() : "")
                    + (t.note() != null ? "; " + t.note() : "")));
        }
        for (SettingsReport.DefaultChange d : r.defaults()) {
            if (!d.setOnSource()) {
                findings.add(finding(Severity.INFO, DEFAULT_CHANGED, d.name() + ": its default changed from " + d.from()
                        + " to " + d.to() + " in PostgreSQL " + d.version() + ", and the source uses the default"
                        + (d.note() != null ? "; " + d.note() : "")));
            }
        }
        if (!r.added().isEmpty()) {
            findings.add(finding(Severity.INFO, SETTINGS_NEW, r.added().size() + " parameters are new on the target "
                    + "(see pgshift compare settings): " + String.join(", ",
                            r.added().stream().map(SettingsReport.Added::name).toList())));
        }
        String script = "";
        if (options.settingsScript() != null) {
            SettingsScript.write(r, options.roles().profile(), options.settingsScript());
            script = "; the statements that carry them are in " + options.settingsScript();
        }
        return new StepOutcome((r.changed().size() + r.same().size()) + " parameters set on the source, "
                + r.changed().size() + " of them otherwise on the target; " + r.retired().size()
                + " renamed or removed" + script, findings);
    }

    private static Finding finding(Severity severity, String code, String message) {
        return new Finding(Step.SETTINGS, severity, code, null, message);
    }
}
