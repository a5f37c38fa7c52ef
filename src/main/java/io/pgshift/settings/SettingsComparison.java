package io.pgshift.settings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.server.ReadOnlySessions;

/**
 * Compares the server parameters of a source and a target: what the source's configuration changes and what the
 * target has for it, what the target's version renamed or removed, which defaults changed, and what is new.
 * Reads both servers in read-only sessions; configuring the target stays the user's decision.
 */
public final class SettingsComparison {
    private SettingsComparison() {
    }

    public static SettingsReport run(ConnInfo source, ConnInfo target) {
        ServerSettings s = read(source, "source");
        ServerSettings t = read(target, "target");
        return compare(source.describe(), s, target.describe(), t, ParameterHistory.builtIn());
    }

    static SettingsReport compare(String sourceName, ServerSettings source, String targetName, ServerSettings target,
                                  ParameterHistory history) {
        List<ParameterChange> between = history.between(source.version(), target.version());
        List<SettingsReport.Changed> changed = new ArrayList<>();
        for (String name : source.changed()) {
            changed.add(changed(name, source, target, between));
        }
        List<SettingsReport.Retired> retired = new ArrayList<>();
        List<SettingsReport.DefaultChange> defaults = new ArrayList<>();
        for (ParameterChange c : between) {
            if (!source.values().containsKey(c.name())) {
                continue;
            }
            boolean set = source.changed().contains(c.name());
            if (c.retires()) {
                retired.add(new SettingsReport.Retired(c.name(), c.version(), c.replacement(), c.note(),
                        c.oldNameAccepted(), set, source.values().get(c.name())));
            } else if (c.kind() == ParameterChange.Kind.DEFAULT) {
                defaults.add(new SettingsReport.DefaultChange(c.name(), c.version(), c.from(), c.to(), c.note(), set));
            }
        }
        List<SettingsReport.Added> added = new ArrayList<>();
        for (String name : target.values().keySet()) {
            if (!source.values().containsKey(name)) {
                Optional<ParameterChange> when = between.stream()
                        .filter(c -> c.kind() == ParameterChange.Kind.ADDED && c.name().equals(name)).findFirst();
                added.add(new SettingsReport.Added(name, when.map(ParameterChange::version).orElse(null),
                        target.values().get(name), when.map(ParameterChange::note).orElse(null)));
            }
        }
        added.sort(Comparator.comparing((SettingsReport.Added a) -> a.version() == null ? Integer.MAX_VALUE : a.version())
                .thenComparing(SettingsReport.Added::name));
        return new SettingsReport(sourceName, targetName, source.versionText(), target.versionText(), changed, retired,
                defaults, added);
    }

    private static SettingsReport.Changed changed(String name, ServerSettings source, ServerSettings target,
                                                  List<ParameterChange> between) {
        String value = source.values().get(name);
        String setIn = source.setIn().get(name);
        Optional<ParameterChange> retirement = between.stream().filter(c -> c.retires() && c.name().equals(name))
                .findFirst();
        if (retirement.isPresent()) {
            ParameterChange r = retirement.get();
            String replacement = r.replacement();
            String note = (replacement != null ? "renamed " + replacement + " in " + r.version()
                    : "removed in " + r.version()) + (r.note() != null ? ": " + r.note() : "");
            return new SettingsReport.Changed(name, value, setIn, replacement,
                    replacement == null ? null : target.values().get(replacement),
                    replacement == null ? null : target.setIn().get(replacement), false, note);
        }
        if (!target.values().containsKey(name)) {
            return new SettingsReport.Changed(name, value, setIn, null, null, null, false, "the target does not know "
                    + "this parameter: it may belong to a library the source loads (shared_preload_libraries) and the "
                    + "target does not");
        }
        String targetValue = target.values().get(name);
        return new SettingsReport.Changed(name, value, setIn, name, targetValue, target.setIn().get(name),
                value.equals(targetValue), null);
    }

    private static ServerSettings read(ConnInfo info, String side) {
        try (Connection connection = ReadOnlySessions.openServer(info)) {
            return ServerSettings.read(connection);
        } catch (SQLException e) {
            throw new PgShiftException(ErrorCode.CHECK_FAILED, "could not read the settings of the " + side + " server "
                    + info.describe() + ": " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }
}
