package io.pgshift.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.pgshift.catalog.ServerVersion;

import static org.assertj.core.api.Assertions.assertThat;

class SettingsComparisonTest {
    private static ServerSettings server(int version, Map<String, String> values, Set<String> changed) {
        Map<String, String> setIn = new LinkedHashMap<>();
        values.keySet().forEach(n -> setIn.put(n, changed.contains(n) ? "configuration file" : "default"));
        return new ServerSettings(new ServerVersion(version), new ServerVersion(version).major(), values, setIn, changed);
    }

    private static final ParameterHistory HISTORY = new ParameterHistory(List.of(
            new ParameterChange("wal_keep_segments", 13, ParameterChange.Kind.RENAMED, "wal_keep_size", null, null,
                    "counts megabytes", false),
            new ParameterChange("wal_keep_size", 13, ParameterChange.Kind.ADDED, null, null, null, "replaces it", false),
            new ParameterChange("old_knob", 16, ParameterChange.Kind.REMOVED, null, null, null, null, false),
            new ParameterChange("password_encryption", 14, ParameterChange.Kind.DEFAULT, null, "md5", "scram-sha-256",
                    null, false)));

    private final ServerSettings source = server(120000, Map.of("work_mem", "64MB", "wal_keep_segments", "32",
            "old_knob", "1", "password_encryption", "md5", "my.module_setting", "x"),
            Set.of("work_mem", "wal_keep_segments", "my.module_setting"));
    private final ServerSettings target = server(170000, Map.of("work_mem", "4MB", "wal_keep_size", "0",
            "password_encryption", "scram-sha-256", "new_thing", "on"), Set.of());

    @Test
    void aRenamedParameterSetOnTheSourceIsShownWithItsNewNameAndTheTargetsValue() {
        SettingsReport report = SettingsComparison.compare("s", source, "t", target, HISTORY);

        assertThat(report.changed()).filteredOn(c -> c.name().equals("wal_keep_segments")).singleElement()
                .satisfies(c -> {
                    assertThat(c.targetName()).isEqualTo("wal_keep_size");
                    assertThat(c.targetValue()).isEqualTo("0");
                    assertThat(c.note()).isEqualTo("renamed wal_keep_size in 13: counts megabytes");
                });
        assertThat(report.changed()).filteredOn(c -> c.name().equals("work_mem")).singleElement()
                .satisfies(c -> assertThat(c.targetValue()).isEqualTo("4MB"));
    }

    @Test
    void aParameterTheTargetDoesNotKnowAtAllPointsAtTheLibrariesLoaded() {
        SettingsReport report = SettingsComparison.compare("s", source, "t", target, HISTORY);

        assertThat(report.changed()).filteredOn(c -> c.name().equals("my.module_setting")).singleElement()
                .satisfies(c -> assertThat(c.note()).contains("shared_preload_libraries"));
    }

    @Test
    void retiredDefaultAndNewParametersAreListedWithWhetherTheSourceSetsThem() {
        SettingsReport report = SettingsComparison.compare("s", source, "t", target, HISTORY);

        assertThat(report.retired()).extracting(r -> r.name() + ":" + r.setOnSource())
                .containsExactly("wal_keep_segments:true", "old_knob:false");
        assertThat(report.defaults()).extracting(SettingsReport.DefaultChange::name).containsExactly("password_encryption");
        assertThat(report.added()).extracting(a -> a.name() + "@" + a.version())
                .containsExactly("wal_keep_size@13", "new_thing@null");
    }
}
