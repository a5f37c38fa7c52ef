package io.pgshift.settings;

import java.util.List;

/**
 * What {@code pgshift compare settings} found.
 *
 * @param changed  parameters the source's configuration changes from their defaults, with the target's values
 * @param retired  parameters the source has that the target's version renamed or removed
 * @param defaults built-in defaults that changed between the versions
 * @param added    parameters the target has and the source does not
 */
public record SettingsReport(String source, String target, String sourceVersion, String targetVersion,
                             List<Changed> changed, List<Retired> retired, List<DefaultChange> defaults,
                             List<Added> added) {
    public SettingsReport {
        changed = List.copyOf(changed);
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
     * @param sameValue   the target already has the source's value under the same name
     * @param note        why the names differ, or what the target lacks; null when nothing needs saying
     */
    public record Changed(String name, String sourceValue, String setIn, String targetName, String targetValue,
                          String targetSetIn, boolean sameValue, String note) {
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
