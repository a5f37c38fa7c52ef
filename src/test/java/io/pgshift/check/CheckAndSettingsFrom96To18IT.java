package io.pgshift.check;

import java.sql.Connection;
import java.sql.ResultSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.pgshift.connect.ConnInfo;
import io.pgshift.settings.SettingsComparison;
import io.pgshift.settings.SettingsReport;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oldest source against the newest target: every catalog query of the check and the settings comparison runs
 * on 9.6, and what only 9.6 can hold (columns of type unknown, parameters gone in 10) is found.
 */
class CheckAndSettingsFrom96To18IT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("9.6");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("18");

    @BeforeAll
    static void plant() throws Exception {
        source.createDatabase("old");
        source.execute("old", "CREATE TABLE public.guesses AS SELECT 'x' AS label",
                "CREATE FUNCTION public.legacy() RETURNS integer LANGUAGE sql SET sql_inheritance = on AS 'SELECT 1'",
                "CREATE TABLE public.kept (id integer PRIMARY KEY, at timestamptz)");
        source.execute("postgres", "ALTER SYSTEM SET min_parallel_relation_size = '16MB'",
                "SELECT pg_catalog.pg_reload_conf()");
        for (int i = 0; i < 100 && !"16MB".equals(show("min_parallel_relation_size")); i++) {
            Thread.sleep(50);
        }
    }

    private static String show(String name) throws Exception {
        try (Connection c = source.connect("postgres");
             ResultSet rs = c.createStatement().executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void anUnknownColumnAndAFunctionSettingARemovedParameterAreErrors() {
        CheckReport report = Preflight.run(ConnInfo.parse(Cli.conn(source, "postgres")),
                ConnInfo.parse(Cli.conn(target, "postgres")), CheckOptions.defaults());

        assertThat(report.sourceVersion()).startsWith("9.6");
        assertThat(report.withCode(FindingCode.UNKNOWN_COLUMN)).singleElement().satisfies(f -> {
            assertThat(f.database()).isEqualTo("old");
            assertThat(f.objects()).containsExactly("column public.guesses.label (unknown)");
            assertThat(f.fix()).contains("ALTER TABLE public.guesses ALTER COLUMN label TYPE text");
        });
        assertThat(report.withCode(FindingCode.ROUTINE_SETS_REMOVED_PARAMETER)).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("public.legacy()").contains("sql_inheritance"));
        assertThat(report.withCode(FindingCode.SIZING)).extracting(Finding::database).containsExactly("old", "postgres");
        assertThat(report.passed()).isFalse();
    }

    @Test
    void theSettingsOfA96SourceAreComparedAcrossEveryVersionUpTo18() {
        SettingsReport report = SettingsComparison.run(ConnInfo.parse(Cli.conn(source, "postgres")),
                ConnInfo.parse(Cli.conn(target, "postgres")));

        assertThat(report.changed()).filteredOn(c -> c.name().equals("min_parallel_relation_size")).singleElement()
                .satisfies(c -> {
                    assertThat(c.sourceValue()).isEqualTo("16MB");
                    assertThat(c.targetName()).isEqualTo("min_parallel_table_scan_size");
                    assertThat(c.targetValue()).isEqualTo("8MB");
                });
        assertThat(report.retired()).extracting(SettingsReport.Retired::name).contains("sql_inheritance",
                "replacement_sort_tuples", "wal_keep_segments", "ssl_ecdh_curve");
        assertThat(report.retired()).filteredOn(r -> r.name().equals("ssl_ecdh_curve")).singleElement()
                .satisfies(r -> assertThat(r.oldNameAccepted()).isTrue());
        assertThat(report.added()).extracting(SettingsReport.Added::name).contains("io_method", "jit");
    }
}
