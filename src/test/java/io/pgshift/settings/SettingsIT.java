package io.pgshift.settings;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.pgshift.connect.ConnInfo;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings comparison of a configured PostgreSQL 12 source with a 17 target. */
class SettingsIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @BeforeAll
    static void configureTheSource() throws Exception {
        source.execute("postgres", "ALTER SYSTEM SET work_mem = '64MB'", "ALTER SYSTEM SET wal_keep_segments = 32",
                "ALTER SYSTEM SET force_parallel_mode = on", "SELECT pg_catalog.pg_reload_conf()");
        // The postmaster rereads the configuration when it gets to the signal; new sessions see it from then on.
        for (int i = 0; i < 100 && !"64MB".equals(workMem()); i++) {
            Thread.sleep(50);
        }
        assertThat(workMem()).isEqualTo("64MB");
    }

    private static String workMem() throws Exception {
        try (Connection c = source.connect("postgres");
             ResultSet rs = c.createStatement().executeQuery("SHOW work_mem")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void theChangedParametersAreListedWithTheTargetsValuesAndTheirNewNames() {
        SettingsReport report = SettingsComparison.run(ConnInfo.parse(Cli.conn(source, "postgres")),
                ConnInfo.parse(Cli.conn(target, "no_such_database")));

        assertThat(report.sourceVersion()).startsWith("12.");
        assertThat(report.targetVersion()).startsWith("17.");
        assertThat(changed(report, "work_mem")).isEqualTo(new SettingsReport.Changed("work_mem", "64MB",
                "configuration file", "work_mem", "4MB", "default", null,
                new SettingsReport.Carry("work_mem", List.of("64MB"), false)));
        SettingsReport.Changed walKeep = changed(report, "wal_keep_segments");
        assertThat(walKeep.sourceValue()).isEqualTo("32");
        assertThat(walKeep.targetName()).isEqualTo("wal_keep_size");
        assertThat(walKeep.targetValue()).isEqualTo("0");
        assertThat(walKeep.note()).startsWith("renamed wal_keep_size in 13");
        assertThat(changed(report, "force_parallel_mode").targetName()).isEqualTo("debug_parallel_query");
        // pgshift's own session settings and the client's are not the server's configuration.
        assertThat(report.changed()).extracting(SettingsReport.Changed::name)
                .doesNotContain("search_path", "application_name", "default_transaction_read_only", "DateStyle");
    }

    @Test
    void everyParameterRenamedOrRemovedBetween12And17IsListedWithItsReplacement() {
        SettingsReport report = SettingsComparison.run(ConnInfo.parse(Cli.conn(source, "postgres")),
                ConnInfo.parse(Cli.conn(target, "postgres")));

        assertThat(report.retired()).extracting(r -> r.name() + ">" + r.replacement() + "@" + r.version())
                .contains("wal_keep_segments>wal_keep_size@13", "vacuum_defer_cleanup_age>null@16",
                        "force_parallel_mode>debug_parallel_query@16", "old_snapshot_threshold>null@17",
                        "operator_precedence_warning>null@14", "stats_temp_directory>null@15",
                        "promote_trigger_file>null@16")
                .doesNotContain("replacement_sort_tuples>null@11");
        assertThat(report.retired()).filteredOn(SettingsReport.Retired::setOnSource)
                .extracting(SettingsReport.Retired::name).containsExactlyInAnyOrder("wal_keep_segments",
                        "force_parallel_mode");
        assertThat(report.defaults()).extracting(d -> d.name() + ":" + d.to())
                .contains("password_encryption:scram-sha-256", "checkpoint_completion_target:0.9")
                .doesNotContain("hash_mem_multiplier:2");
        assertThat(report.added()).extracting(SettingsReport.Added::name)
                .contains("wal_keep_size", "debug_parallel_query", "transaction_timeout", "hash_mem_multiplier")
                .doesNotContain("work_mem", "io_method");
    }

    @Test
    void theCommandPrintsTheComparisonOrItsJson() throws Exception {
        Cli.Run run = Cli.run("compare", "settings", "--source", Cli.conn(source, "postgres"), "--target",
                Cli.conn(target, "postgres"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("work_mem += 64MB \\(configuration file\\); target 4MB")
                .contains("wal_keep_segments -> wal_keep_size (renamed in 13), SET ON THE SOURCE to 32")
                .contains("vacuum_defer_cleanup_age (removed in 16)")
                .contains("transaction_timeout (17) = 0: ")
                .doesNotContain(source.password());

        Cli.Run json = Cli.run("compare", "settings", "--json", "--source", Cli.conn(source, "postgres"), "--target",
                Cli.conn(target, "postgres"));
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.path("changed").findValuesAsText("name")).contains("work_mem", "wal_keep_segments");
        assertThat(report.path("retired").findValuesAsText("replacement")).contains("wal_keep_size");
    }

    @Test
    void compareWithoutWhatToCompareIsAUsageError() {
        assertThat(Cli.run("compare").exitCode()).isEqualTo(2);
    }

    private static SettingsReport.Changed changed(SettingsReport report, String name) {
        List<SettingsReport.Changed> found = report.changed().stream().filter(c -> c.name().equals(name)).toList();
        assertThat(found).as(name + " in " + report.changed()).hasSize(1);
        return found.get(0);
    }
}
