package io.pgshift.ddl;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.catalog.DatabaseInfo;

import static org.assertj.core.api.Assertions.assertThat;

class DatabasePropertiesTest {

    @Test
    void aSettingIsWrittenWithItsValueAsOneLiteral() {
        assertThat(DatabaseProperties.setting("DateStyle=SQL, DMY")).isEqualTo("\"DateStyle\" TO 'SQL, DMY'");
        assertThat(DatabaseProperties.setting("pgshift.note=it's 100%")).isEqualTo("\"pgshift.note\" TO 'it''s 100%'");
    }

    @Test
    void aListSettingIsWrittenOneLiteralPerElementWithTheServersQuotesRemoved() {
        assertThat(DatabaseProperties.setting("search_path=\"$user\", public, \"Odd \"\"Schema\"\", x\""))
                .isEqualTo("search_path TO '$user', 'public', 'Odd \"Schema\", x'");
        assertThat(DatabaseProperties.setting("search_path=\"\"")).isEqualTo("search_path TO ''");
    }

    @Test
    void statementsNamingTheDatabaseRunThroughFormatWithTheCurrentDatabase() {
        DatabaseInfo db = new DatabaseInfo(1, "old name", "Ödön", "UTF8", "C", "C", 'c', null, null, false, -1,
                List.of("work_mem=64MB"), "100% ours", null);

        List<String> sql = DatabaseProperties.entry(db, DdlOptions.DEFAULTS).sql();

        assertThat(sql).containsExactly(
                "DO $pgshift$BEGIN EXECUTE pg_catalog.format('ALTER DATABASE %I SET work_mem TO ''64MB''', "
                        + "pg_catalog.current_database()); END$pgshift$",
                "DO $pgshift$BEGIN EXECUTE pg_catalog.format('COMMENT ON DATABASE %I IS ''100%% ours''', "
                        + "pg_catalog.current_database()); END$pgshift$",
                "DO $pgshift$BEGIN EXECUTE pg_catalog.format('ALTER DATABASE %I OWNER TO \"Ödön\"', "
                        + "pg_catalog.current_database()); END$pgshift$");
    }

    @Test
    void theDollarQuoteTagNeverOccursInTheBody() {
        DatabaseInfo db = new DatabaseInfo(1, "d", "o", "UTF8", "C", "C", 'c', null, null, false, -1, List.of(),
                "$pgshift$", null);

        List<String> sql = DatabaseProperties.entry(db, new DdlOptions(true, true, false)).sql();

        assertThat(sql).singleElement().asString().startsWith("DO $pgshift1$").endsWith("$pgshift1$");
    }
}
