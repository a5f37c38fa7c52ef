package io.pgshift.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.PgShiftException;
import io.pgshift.roles.TargetProfile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.pgshift.catalog.ParameterHistory;
import io.pgshift.catalog.ParameterChange;

class SettingsScriptTest {
    private final SettingsReport report = SettingsComparison.compare("s", SettingsComparisonTest.SOURCE, "t",
            SettingsComparisonTest.TARGET, SettingsComparisonTest.HISTORY);

    @Test
    void eachParameterTheTargetHasOtherwiseGetsAnAlterSystemStatementAndTheConfigurationIsReloaded() {
        String script = SettingsScript.text(report, TargetProfile.GENERIC);

        assertThat(script).contains("ALTER SYSTEM SET work_mem = '64MB';\n")
                .contains("ALTER SYSTEM SET max_connections = '200'; -- needs a restart\n")
                .contains("\nSELECT pg_catalog.pg_reload_conf();\n")
                .contains("-- Only a restart of the target applies max_connections, shared_preload_libraries.");
    }

    @Test
    void aRenamedParameterIsSetUnderItsNewNameWithItsValueConverted() {
        assertThat(SettingsScript.text(report, TargetProfile.GENERIC))
                .contains("-- wal_keep_segments = 32 on the source: renamed wal_keep_size in 13: counts megabytes\n"
                        + "ALTER SYSTEM SET wal_keep_size = '512MB';\n");
    }

    @Test
    void aListGoesAsOneLiteralPerElementSoTheServerDoesNotTakeItForOneName() {
        assertThat(SettingsScript.text(report, TargetProfile.GENERIC)).contains(
                "ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements', 'auto_explain'; -- needs a restart");
    }

    @Test
    void perInstanceParametersValuesAlreadyEqualAndUnknownParametersGetNoStatement() {
        String script = SettingsScript.text(report, TargetProfile.GENERIC);

        assertThat(script).doesNotContain("SET port", "SET listen_addresses", "SET unix_socket_directories",
                "SET data_directory", "SET cluster_name", "SET shared_buffers", "SET jit", "SET datestyle",
                "SET my.module_setting", "SET \"my");
        assertThat(script).contains("-- my.module_setting = x on the source: the target does not know this parameter");
    }

    @Test
    void aRemovedParameterIsACommentSayingWhy() {
        ServerSettings source = SettingsComparisonTest.server(130000,
                SettingsComparisonTest.row("operator_precedence_warning", "on", "on", null, "bool", "user", true));
        ServerSettings target = SettingsComparisonTest.server(170000);
        ParameterHistory history = new ParameterHistory(List.of(new ParameterChange(
                "operator_precedence_warning", 14, ParameterChange.Kind.REMOVED, null, null, null,
                "only helped move to the 9.5 precedence rules", false)));

        String script = SettingsScript.text(SettingsComparison.compare("s", source, "t", target, history),
                TargetProfile.GENERIC);

        assertThat(script).contains("-- operator_precedence_warning = on on the source: removed in 14: only helped "
                + "move to the 9.5 precedence rules\n").doesNotContain("ALTER SYSTEM SET", "pg_reload_conf");
    }

    @Test
    void aManagedTargetGetsANotePerParameterNamingTheProvidersMechanismInsteadOfStatements() {
        String azure = SettingsScript.text(report, TargetProfile.AZURE);
        String rds = SettingsScript.text(report, TargetProfile.RDS);
        String cloudsql = SettingsScript.text(report, TargetProfile.CLOUDSQL);

        assertThat(azure).doesNotContain("ALTER SYSTEM SET", "pg_reload_conf")
                .contains("-- work_mem = 64MB: set it in the Azure server parameters")
                .contains("-- max_connections = 200: set it in the Azure server parameters (portal: Server "
                        + "parameters; az postgres flexible-server parameter set); needs a restart");
        assertThat(rds).contains("-- work_mem = 64MB: set it in the RDS DB parameter group")
                .doesNotContain("ALTER SYSTEM SET");
        assertThat(cloudsql).contains("-- work_mem = 64MB: set it in the Cloud SQL database flags")
                .doesNotContain("ALTER SYSTEM SET");
    }

    @Test
    void autoTakesTheServiceTheComparisonDetectedOnTheTarget() {
        ServerSettings target = SettingsComparisonTest.server(170000,
                SettingsComparisonTest.row("work_mem", "4MB", "4096", "kB", "integer", "user", false),
                SettingsComparisonTest.row("rds.force_ssl", "1", "1", null, "bool", "sighup", false));
        SettingsReport onRds = SettingsComparison.compare("s", SettingsComparisonTest.SOURCE, "t", target,
                SettingsComparisonTest.HISTORY);

        assertThat(SettingsScript.text(onRds, TargetProfile.AUTO)).contains("RDS DB parameter group")
                .doesNotContain("ALTER SYSTEM SET");
        assertThat(SettingsScript.text(report, TargetProfile.AUTO)).contains("ALTER SYSTEM SET work_mem");
    }

    @Test
    void aTargetThatAlreadyHasEverythingGetsAScriptThatSaysSo() {
        ServerSettings same = SettingsComparisonTest.server(170000,
                SettingsComparisonTest.row("work_mem", "64MB", "65536", "kB", "integer", "user", true));
        String script = SettingsScript.text(SettingsComparison.compare("s", same, "t", same,
                SettingsComparisonTest.HISTORY), TargetProfile.GENERIC);

        assertThat(script).contains("-- Nothing to change").doesNotContain("ALTER SYSTEM SET", "pg_reload_conf");
    }

    @Test
    void theFileIsNewAndReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.sql");

        SettingsScript.write(report, TargetProfile.GENERIC, file);

        assertThat(Files.readString(file)).isEqualTo(SettingsScript.text(report, TargetProfile.GENERIC));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThatThrownBy(() -> SettingsScript.write(report, TargetProfile.GENERIC, file))
                .isInstanceOf(PgShiftException.class).hasMessageContaining("already exists");
    }
}
