package io.pgshift.ddl;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.catalog.View;

import static org.assertj.core.api.Assertions.assertThat;

class MaterializedViewRefreshTest {
    private static View matview(List<String> sessionSettings) {
        return new View(1, "app", "today", "reporter", " SELECT 1;", null, null, null, null, true, true, null, null,
                List.of(), sessionSettings);
    }

    @Test
    void theOwnersAndDatabasesSettingsAreSetAroundTheRefreshAndPutBackAfterIt() {
        String sql = ViewWriter.refreshUnderItsSettings(matview(List.of("timezone=Europe/Paris", "work_mem=64MB",
                "search_path=app, public")));

        assertThat(sql).contains("PERFORM pg_catalog.set_config('TimeZone', 'Europe/Paris', false);")
                .contains("PERFORM pg_catalog.set_config('search_path', 'app, public', false);")
                .contains("REFRESH MATERIALIZED VIEW app.today;")
                .contains("PERFORM pg_catalog.set_config('TimeZone', saved[1], false);")
                .doesNotContain("work_mem");
        assertThat(sql.indexOf("REFRESH")).isLessThan(sql.indexOf("saved[1], false"));
    }

    @Test
    void settingsNeitherTheOwnerNorTheDatabaseSetAreTheTargetServersOwn() {
        String sql = ViewWriter.refreshUnderItsSettings(matview(List.of()));

        assertThat(sql).contains("set_config('TimeZone', (SELECT s.reset_val FROM pg_catalog.pg_settings s "
                + "WHERE s.name = 'TimeZone'), false)");
    }

    @Test
    void aDateStyleIsOnlySetWhereTheDriverCanBearItsChange() {
        String sql = ViewWriter.refreshUnderItsSettings(matview(List.of("DateStyle=SQL, DMY")));

        assertThat(sql).contains("IF pg_catalog.current_setting('server_version_num')::integer >= 140000 THEN\n"
                + "        PERFORM pg_catalog.set_config('DateStyle', 'SQL, DMY', false);");
    }
}
