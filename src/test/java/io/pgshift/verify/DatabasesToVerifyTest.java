package io.pgshift.verify;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DatabasesToVerifyTest {
    private static final List<String> AZURE = List.of("app", "azure_maintenance", "azure_sys", "postgres", "template0",
            "template1", "Reports");

    @Test
    void everyDatabaseButTheTemplatesAndTheProvidersMaintenanceDatabasesIsChosen() {
        assertThat(DatabasesToVerify.select(AZURE, List.of(), List.of())).containsExactly("app", "postgres", "Reports");
        assertThat(DatabasesToVerify.select(List.of("rdsadmin", "cloudsqladmin", "app"), List.of(), List.of()))
                .containsExactly("app");
    }

    @Test
    void excludedDatabasesAreLeftOutByTheirExactName() {
        assertThat(DatabasesToVerify.select(AZURE, List.of(), List.of("postgres", "reports")))
                .containsExactly("app", "Reports");
    }

    @Test
    void namedDatabasesAreChosenEvenWhenTheyWouldBeSkippedAndExclusionsStillApply() {
        assertThat(DatabasesToVerify.select(AZURE, List.of("template1", "app", "postgres"), List.of("postgres")))
                .containsExactly("template1", "app");
    }
}
