package io.pgshift.settings;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.pgshift.catalog.ServerVersion;
import io.pgshift.roles.TargetProfile;

import static org.assertj.core.api.Assertions.assertThat;
import io.pgshift.catalog.ParameterHistory;
import io.pgshift.catalog.ParameterChange;

class SettingsComparisonTest {
    /** A server from rows: name, SHOW value, setting, unit, vartype, context, set by its configuration or not. */
    static ServerSettings server(int version, Object[]... rows) {
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        for (Object[] r : rows) {
            boolean set = (Boolean) r[6];
            parameters.put((String) r[0], new Parameter((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    (String) r[4], (String) r[5], set ? "configuration file" : "default", set));
        }
        return new ServerSettings(new ServerVersion(version), new ServerVersion(version).major(), parameters,
                TargetProfile.detect(List.of(), parameters.keySet()));
    }

    static Object[] row(String name, String value, String setting, String unit, String vartype, String context,
                        boolean set) {
        return new Object[] {name, value, setting, unit, vartype, context, set};
    }

    static final ParameterHistory HISTORY = new ParameterHistory(List.of(
            new ParameterChange("wal_keep_segments", 13, ParameterChange.Kind.RENAMED, "wal_keep_size", null, null,
                    "counts megabytes", false),
            new ParameterChange("wal_keep_size", 13, ParameterChange.Kind.ADDED, null, null, null, "replaces it", false),
            new ParameterChange("old_knob", 16, ParameterChange.Kind.REMOVED, null, null, null, null, false),
            new ParameterChange("password_encryption", 14, ParameterChange.Kind.DEFAULT, null, "md5", "scram-sha-256",
                    null, false)));

    static final ServerSettings SOURCE = server(120000,
            row("work_mem", "64MB", "65536", "kB", "integer", "user", true),
            row("wal_keep_segments", "32", "32", null, "integer", "sighup", true),
            row("wal_segment_size", "16MB", "16777216", "B", "integer", "internal", false),
            row("old_knob", "1", "1", null, "integer", "user", false),
            row("password_encryption", "md5", "md5", null, "enum", "user", false),
            row("my.module_setting", "x", "x", null, "string", "user", true),
            row("shared_buffers", "128MB", "16384", "8kB", "integer", "postmaster", true),
            row("max_connections", "200", "200", null, "integer", "postmaster", true),
            row("jit", "off", "off", null, "bool", "user", true),
            row("DateStyle", "ISO, MDY", "ISO, MDY", null, "string", "user", true),
            row("shared_preload_libraries", "pg_stat_statements, auto_explain", "pg_stat_statements, auto_explain",
                    null, "string", "postmaster", true),
            row("port", "5433", "5433", null, "integer", "postmaster", true),
            row("listen_addresses", "*", "*", null, "string", "postmaster", true),
            row("unix_socket_directories", "/tmp/a", "/tmp/a", null, "string", "postmaster", true),
            row("data_directory", "/srv/old", "/srv/old", null, "string", "postmaster", true),
            row("cluster_name", "old", "old", null, "string", "postmaster", true));
    static final ServerSettings TARGET = server(170000,
            row("work_mem", "4MB", "4096", "kB", "integer", "user", false),
            row("wal_keep_size", "0", "0", "MB", "integer", "sighup", false),
            row("password_encryption", "scram-sha-256", "scram-sha-256", null, "enum", "user", false),
            row("new_thing", "on", "on", null, "bool", "user", false),
            row("shared_buffers", "128MB", "16384", "8kB", "integer", "postmaster", true),
            row("max_connections", "100", "100", null, "integer", "postmaster", false),
            row("jit", "false", "off", null, "bool", "user", true),
            row("DateStyle", "ISO, MDY", "ISO,MDY", null, "string", "user", true),
            row("shared_preload_libraries", "", "", null, "string", "postmaster", false),
            row("port", "5432", "5432", null, "integer", "postmaster", false),
            row("listen_addresses", "localhost", "localhost", null, "string", "postmaster", false),
            row("unix_socket_directories", "/tmp/b", "/tmp/b", null, "string", "postmaster", true),
            row("data_directory", "/srv/new", "/srv/new", null, "string", "postmaster", true),
            row("cluster_name", "", "", null, "string", "postmaster", false));

    private final SettingsReport report = SettingsComparison.compare("s", SOURCE, "t", TARGET, HISTORY);

    @Test
    void perInstanceParametersAreNeitherListedNorCountedAsTheSame() {
        assertThat(report.changed()).extracting(SettingsReport.Changed::name)
                .doesNotContain("port", "listen_addresses", "unix_socket_directories", "data_directory", "cluster_name");
        assertThat(report.same()).doesNotContain("port", "listen_addresses", "data_directory");
    }

    @Test
    void valuesThatMeanTheSameOnBothServersAreNotListedAsChanged() {
        assertThat(report.changed()).extracting(SettingsReport.Changed::name)
                .containsExactly("max_connections", "my.module_setting", "shared_preload_libraries",
                        "wal_keep_segments", "work_mem");
        assertThat(report.same()).containsExactly("DateStyle", "jit", "shared_buffers");
    }

    @Test
    void aRenamedParameterSetOnTheSourceIsShownWithItsNewNameAndTheTargetsValue() {
        assertThat(changed("wal_keep_segments")).satisfies(c -> {
            assertThat(c.targetName()).isEqualTo("wal_keep_size");
            assertThat(c.targetValue()).isEqualTo("0");
            assertThat(c.note()).isEqualTo("renamed wal_keep_size in 13: counts megabytes");
        });
        assertThat(changed("work_mem").targetValue()).isEqualTo("4MB");
    }

    @Test
    void walKeepSegmentsIsCarriedAsMegabytesOfTheSourcesSegmentSize() {
        assertThat(changed("wal_keep_segments").carry())
                .isEqualTo(new SettingsReport.Carry("wal_keep_size", List.of("512MB"), false));
    }

    @Test
    void walKeepSegmentsOfZeroIsTheSameAsTheTargetsWalKeepSizeOfZero() {
        ServerSettings source = server(120000, row("wal_keep_segments", "0", "0", null, "integer", "sighup", true));
        ServerSettings target = server(170000, row("wal_keep_size", "0", "0", "MB", "integer", "sighup", false));

        SettingsReport r = SettingsComparison.compare("s", source, "t", target, HISTORY);

        assertThat(r.changed()).isEmpty();
        assertThat(r.same()).containsExactly("wal_keep_segments");
    }

    @Test
    void aListIsCarriedElementByElementAndAServerStartParameterNeedsARestart() {
        assertThat(changed("shared_preload_libraries").carry()).isEqualTo(new SettingsReport.Carry(
                "shared_preload_libraries", List.of("pg_stat_statements", "auto_explain"), true));
        assertThat(changed("work_mem").carry())
                .isEqualTo(new SettingsReport.Carry("work_mem", List.of("64MB"), false));
    }

    @Test
    void aParameterTheTargetDoesNotKnowAtAllPointsAtTheLibrariesLoadedAndIsNotCarried() {
        assertThat(changed("my.module_setting")).satisfies(c -> {
            assertThat(c.note()).contains("shared_preload_libraries");
            assertThat(c.carry()).isNull();
        });
    }

    @Test
    void retiredDefaultAndNewParametersAreListedWithWhetherTheSourceSetsThem() {
        assertThat(report.retired()).extracting(r -> r.name() + ":" + r.setOnSource())
                .containsExactly("wal_keep_segments:true", "old_knob:false");
        assertThat(report.defaults()).extracting(SettingsReport.DefaultChange::name).containsExactly("password_encryption");
        assertThat(report.added()).extracting(a -> a.name() + "@" + a.version())
                .containsExactly("wal_keep_size@13", "new_thing@null");
    }

    @Test
    void theTargetsServiceIsTheOneItsRolesOrParametersGiveAway() {
        assertThat(report.targetService()).isEqualTo("generic");
        ServerSettings azure = server(170000, row("azure.extensions", "", "", null, "string", "sighup", false));
        assertThat(SettingsComparison.compare("s", SOURCE, "t", azure, HISTORY).targetService()).isEqualTo("azure");
    }

    private SettingsReport.Changed changed(String name) {
        return report.changed().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
