package io.pgshift.settings;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.connect.ConnInfo;
import io.pgshift.server.ReadOnlySessions;
import io.pgshift.catalog.ParameterHistory;
import io.pgshift.catalog.ParameterChange;

/**
 * Compares the server parameters of a source and a target: what the source's configuration changes and the target
 * has otherwise (values compared in each parameter's unit and type, per-instance parameters left out), what the
 * target's version renamed or removed, which defaults changed, and what is new. Reads both servers in read-only
 * sessions; configuring the target stays the user's decision, helped by {@link SettingsScript}.
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
        List<String> same = new ArrayList<>();
        for (String name : source.changed()) {
            SettingsReport.Changed c = changed(source.get(name), source, target, between);
            if (c == null) {
                same.add(name);
            } else {
                changed.add(c);
            }
        }
        List<SettingsReport.Retired> retired = new ArrayList<>();
        List<SettingsReport.DefaultChange> defaults = new ArrayList<>();
        Set<String> set = new HashSet<>(source.changed());
        for (ParameterChange c : between) {
            if (!source.has(c.name())) {
                continue;
            }
            if (c.retires()) {
                retired.add(new SettingsReport.Retired(c.name(), c.version(), c.replacement(), c.note(),
                        c.oldNameAccepted(), set.contains(c.name()), source.value(c.name())));
            } else if (c.kind() == ParameterChange.Kind.DEFAULT) {
                defaults.add(new SettingsReport.DefaultChange(c.name(), c.version(), c.from(), c.to(), c.note(),
                        set.contains(c.name())));
            }
        }
        List<SettingsReport.Added> added = new ArrayList<>();
        for (String name : target.parameters().keySet()) {
            if (!source.has(name)) {
                Optional<ParameterChange> when = between.stream()
                        .filter(c -> c.kind() == ParameterChange.Kind.ADDED && c.name().equals(name)).findFirst();
                added.add(new SettingsReport.Added(name, when.map(ParameterChange::version).orElse(null),
                        target.value(name), when.map(ParameterChange::note).orElse(null)));
            }
        }
        added.sort(Comparator.comparing((SettingsReport.Added a) -> a.version() == null ? Integer.MAX_VALUE : a.version())
                .thenComparing(SettingsReport.Added::name));
        return new SettingsReport(sourceName, targetName, source.versionText(), target.versionText(),
                target.service().label(), changed, same, retired, defaults, added);
    }

    /** What the target has for a parameter the source sets; null when it already has the same value. */
    private static SettingsReport.Changed changed(Parameter p, ServerSettings source, ServerSettings target,
                                                  List<ParameterChange> between) {
        Optional<ParameterChange> retirement = between.stream().filter(c -> c.retires() && c.name().equals(p.name()))
                .findFirst();
        if (retirement.isPresent()) {
            return retired(p, retirement.get(), source, target);
        }
        Parameter t = target.get(p.name());
        if (t == null) {
            return new SettingsReport.Changed(p.name(), p.value(), p.source(), null, null, null, "the target does not "
                    + "know this parameter: it may belong to a library the source loads (shared_preload_libraries) "
                    + "and the target does not", null);
        }
        if (SettingValues.same(p, t)) {
            return null;
        }
        return new SettingsReport.Changed(p.name(), p.value(), p.source(), t.name(), t.value(), t.source(),
                readOnly(t), carry(t, p.value()));
    }

    private static SettingsReport.Changed retired(Parameter p, ParameterChange r, ServerSettings source,
                                                  ServerSettings target) {
        String note = (r.replacement() != null ? "renamed " + r.replacement() + " in " + r.version()
                : "removed in " + r.version()) + (r.note() != null ? ": " + r.note() : "");
        Parameter t = r.replacement() == null ? null : target.get(r.replacement());
        if (t == null) {
            return new SettingsReport.Changed(p.name(), p.value(), p.source(), r.replacement(), null, null, note, null);
        }
        String value = Renames.value(p, t, source);
        if (SettingValues.same(value, t)) {
            return null;
        }
        return new SettingsReport.Changed(p.name(), p.value(), p.source(), t.name(), t.value(), t.source(), note,
                carry(t, value));
    }

    /** The value for the target's parameter; nothing for one the target computes itself (internal). */
    private static SettingsReport.Carry carry(Parameter target, String value) {
        if ("internal".equals(target.context())) {
            return null;
        }
        List<String> values = SettingValues.LISTS.contains(target.name().toLowerCase(Locale.ROOT))
                ? SettingValues.elements(value) : List.of(value);
        return new SettingsReport.Carry(target.name(), values.isEmpty() ? List.of("") : values, target.needsRestart());
    }

    private static String readOnly(Parameter target) {
        return "internal".equals(target.context()) ? "read-only on the target: the server computes it or it was "
                + "chosen at initdb" : null;
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
