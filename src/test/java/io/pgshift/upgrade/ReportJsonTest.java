package io.pgshift.upgrade;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.ErrorCode;
import io.pgshift.catalog.CatalogFilter;
import io.pgshift.catalog.NamePattern;
import io.pgshift.connect.ConnInfo;
import io.pgshift.connect.Environment;
import io.pgshift.ddl.DdlOptions;
import io.pgshift.roles.RoleOptions;
import io.pgshift.server.ServerDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class ReportJsonTest {
    @TempDir
    Path home;

    private UpgradeOptions options() {
        Environment env = Environment.of(Map.of("PGPASSWORD", "env-s3cret"), home, "osuser");
        return new UpgradeOptions(ConnInfo.parse("postgresql://admin:uri-s3cret@old.example:5432/postgres", env),
                ConnInfo.parse("host=new.example user=admin", env), 4, List.of(), List.of("scratch"),
                new DdlOptions(false, true, false),
                new CatalogFilter(List.of(NamePattern.schema("sales")), List.of(), List.of(), List.of(), List.of()),
                false, true, false, true, RoleOptions.defaults(), false, false);
    }

    @Test
    void theReportHoldsTheEffectiveOptionsWithEveryPasswordMasked() throws Exception {
        ReportBuilder builder = new ReportBuilder(options().effective());
        String json = ReportJson.toJson(builder.snapshot());

        assertThat(json).doesNotContain("uri-s3cret").doesNotContain("env-s3cret");
        JsonNode options = new ObjectMapper().readTree(json).get("options");
        assertThat(options.get("source").get("server").asText()).isEqualTo("admin@old.example:5432/postgres");
        assertThat(options.get("source").get("password").asText()).isEqualTo(UpgradeOptions.MASK);
        assertThat(options.get("target").get("password").asText()).isEqualTo(UpgradeOptions.MASK);
        assertThat(options.get("excludeDatabases").get(0).asText()).isEqualTo("scratch");
        assertThat(options.get("schemas").get(0).asText()).isEqualTo("sales");
        assertThat(options.get("noAcl").asBoolean()).isTrue();
    }

    @Test
    void aFailedRunReportsItsFailureExitCodeAndTheStepsThatNeverRan() throws Exception {
        ReportBuilder builder = new ReportBuilder(options().effective());
        builder.started(Step.CHECK);
        builder.finished(Step.CHECK, "2 databases to move");
        builder.started(Step.DATABASES);
        builder.failed(Step.DATABASES, ErrorCode.TARGET_NOT_EMPTY, "database app: target database is not empty");

        UpgradeReport report = builder.snapshot();
        JsonNode json = new ObjectMapper().readTree(ReportJson.toJson(report));

        assertThat(report.succeeded()).isFalse();
        assertThat(json.get("succeeded").asBoolean()).isFalse();
        assertThat(json.get("exitCode").asInt()).isEqualTo(7);
        assertThat(json.get("failure").get("code").asText()).isEqualTo("TARGET_NOT_EMPTY");
        assertThat(json.get("steps")).hasSize(Step.values().length);
        assertThat(json.get("steps").get(0).get("status").asText()).isEqualTo("DONE");
        assertThat(json.get("steps").get(0).get("took").isNumber()).isTrue();
        assertThat(json.get("steps").get(2).get("status").asText()).isEqualTo("FAILED");
        assertThat(json.get("steps").get(4).get("status").asText()).isEqualTo("NOT_RUN");
    }

    @Test
    void aRunStillGoingIsNotASuccess() {
        ReportBuilder builder = new ReportBuilder(options().effective());
        builder.started(Step.CHECK);

        assertThat(builder.snapshot().succeeded()).isFalse();
        assertThat(ReportJson.toJson(builder.snapshot())).contains("\"RUNNING\"").contains("\"exitCode\" : 130");
    }

    @Test
    void theSkippedDatabasesAreListedWithTheirReasons() throws Exception {
        ReportBuilder builder = new ReportBuilder(options().effective());
        builder.skippedDatabases(List.of(new ServerDatabases.Skipped("scratch", "left out by --exclude-databases"),
                new ServerDatabases.Skipped("template1", "a template database, the target has its own")));

        JsonNode skipped = new ObjectMapper().readTree(ReportJson.toJson(builder.snapshot())).get("skippedDatabases");

        assertThat(skipped).hasSize(2);
        assertThat(skipped.get(0).get("name").asText()).isEqualTo("scratch");
        assertThat(skipped.get(0).get("reason").asText()).isEqualTo("left out by --exclude-databases");
        assertThat(skipped.get(1).get("name").asText()).isEqualTo("template1");
    }

    @Test
    void aReportWithNothingSkippedHasAnEmptyList() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ReportJson.toJson(new ReportBuilder(options().effective())
                .snapshot()));

        assertThat(json.get("skippedDatabases").isArray()).isTrue();
        assertThat(json.get("skippedDatabases")).isEmpty();
    }
}
