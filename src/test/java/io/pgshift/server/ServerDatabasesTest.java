package io.pgshift.server;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.server.ServerDatabases.Database;
import io.pgshift.server.ServerDatabases.Skipped;

import static org.assertj.core.api.Assertions.assertThat;

class ServerDatabasesTest {
    private static final List<Database> ON_SERVER = List.of(new Database("app", true),
            new Database("archive", false), new Database("azure_maintenance", false), new Database("azure_sys", true),
            new Database("postgres", true), new Database("scratch", true), new Database("template0", false),
            new Database("template1", true));

    @Test
    void templatesAndProviderDatabasesAreSkippedWithTheirReasons() {
        ServerDatabases.Selection selection = ServerDatabases.divide(ON_SERVER, DatabaseSelection.ALL);

        assertThat(selection.databases()).extracting(Database::name)
                .containsExactly("app", "archive", "postgres", "scratch");
        assertThat(selection.leftOut()).containsExactly(
                new Skipped("azure_maintenance", "the Azure service's own database"),
                new Skipped("azure_sys", "the Azure service's own database"),
                new Skipped("template0", "a template database, the target has its own"),
                new Skipped("template1", "a template database, the target has its own"));
    }

    @Test
    void anExcludedDatabaseIsSkippedAsLeftOutByExcludeDatabases() {
        ServerDatabases.Selection selection = ServerDatabases.divide(ON_SERVER,
                new DatabaseSelection(List.of(), List.of("scratch", "template1")));

        assertThat(selection.leftOut()).contains(new Skipped("scratch", "left out by --exclude-databases"),
                new Skipped("template1", "a template database, the target has its own"));
        assertThat(selection.databases()).extracting(Database::name).doesNotContain("scratch");
    }

    @Test
    void aSelectedDatabaseThatRefusesConnectionsIsSelectedAndAmongTheSkipped() {
        ServerDatabases.Selection selection = ServerDatabases.divide(ON_SERVER, DatabaseSelection.ALL);

        assertThat(selection.skipped()).extracting(Skipped::name).containsExactly("archive", "azure_maintenance",
                "azure_sys", "template0", "template1");
        assertThat(selection.skipped().get(0).reason()).isEqualTo("does not allow connections");
    }

    @Test
    void databasesThatDatabasesDoesNotNameAreNotListed() {
        ServerDatabases.Selection selection = ServerDatabases.divide(ON_SERVER,
                new DatabaseSelection(List.of("app", "scratch"), List.of("scratch")));

        assertThat(selection.databases()).extracting(Database::name).containsExactly("app");
        assertThat(selection.leftOut()).containsExactly(new Skipped("scratch", "left out by --exclude-databases"));
    }

    @Test
    void rdsAndCloudSqlDatabasesNameTheirService() {
        ServerDatabases.Selection selection = ServerDatabases.divide(List.of(new Database("cloudsqladmin", true),
                new Database("rdsadmin", false)), DatabaseSelection.ALL);

        assertThat(selection.leftOut()).extracting(Skipped::reason)
                .containsExactly("the Cloud SQL service's own database", "the RDS service's own database");
    }
}
