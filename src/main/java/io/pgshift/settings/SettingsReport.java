package io.pgshift.settings;

import java.util.List;

/**
 * What {@code pgshift compare settings} found.
 *
 * @param targetService the managed service the target runs on, as its roles or parameters give it away (azure, rds,
 *                      cloudsql), else generic
 * @param changed  parameters the source's configuration changes from their defaults and the target has otherwise
 * @param same     parameters the source's configuration changes that the target already has at the same value
 * @param retired  parameters the source has that the target's version renamed or removed
 * @param defaults built-in defaults that changed between the versions
 * @param added    parameters the target has and the source does not
 */
public record SettingsReport(String source, String target, String sourceVersion, String targetVersion,
                             String targetService, List<Changed> changed, List<String> same, List<Retired> retired,
                             List<DefaultChange> defaults, List<Added> added) {
    public SettingsReport {
        changed = List.copyOf(changed);
        same = List.copyOf(same);
        retired = List.copyOf(retired);
        defaults = List.copyOf(defaults);
        added = List.copyOf(added);
    }

    /**
     * A parameter set on the source.
     *
     * @param setIn       where the source sets it: configuration file, command line, environment variable, global
     * @param targetName  the parameter that holds the setting on the target: the same, or its new name; null when the
     *                    target has none
     * @param targetValue its value on the target, null when the target has no such parameter
     * @param note        why the names differ, or what the target lacks; null when nothing needs saying
     * @param carry       what gives the target the source's value; null when nothing can (a removed parameter, one
     *                    the target does not know or cannot change)
     */
    public record Changed(String name, String sourceValue, String setIn, String targetName, String targetValue,
                          String targetSetIn, String note, Carry carry) {
    }

    /**
     * The source's value as the target's parameter takes it.
     *
     * @param name    the target's parameter
     * @param values  the value; a list parameter's elements one by one
     * @param restart the target applies it only when it restarts
     */
    public record Carry(String name, List<String> values, boolean restart) {
        public Carry {
            values = List.copyOf(values);
        }
    }

    /** A parameter of the source that the target's version renamed (replacement set) or removed. */
    public record Retired(String name, int version, String replacement, String note, boolean oldNameAccepted,
                          boolean setOnSource, String sourceValue) {
    }

    /** A built-in default that changed in {@code version}; it matters where the source leaves the default. */
    public record DefaultChange(String name, int version, String from, String to, String note, boolean setOnSource) {
    }

    /** A parameter new to the source; {@code version} is when it appeared, null if the history does not say. */
    public record Added(String name, Integer version, String targetValue, String note) {
    }
}
