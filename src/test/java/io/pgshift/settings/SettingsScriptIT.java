package io.pgshift.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.connect.ConnInfo;
import io.pgshift.testkit.Cli;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two freshly started servers, PostgreSQL 12 and 17, on other ports and sockets, whose only difference in
 * configuration is the source's max_connections; then the source configured with ALTER SYSTEM and its script run
 * on the target.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SettingsScriptIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12").setting("max_connections", "120");
    @RegisterExtension
    static final PostgresServer target = PostgresServer.version("17");

    @TempDir
    static Path dir;

    @Test
    @Order(1)
    void freshServersDifferOnlyInWhatTheSourcesConfigurationReallyChanges() {
        SettingsReport report = compare();

        assertThat(report.changed()).extracting(SettingsReport.Changed::name).containsExactly("max_connections");
        // Set in both servers' postgresql.conf, spelled alike or not: the same values are not changes.
        assertThat(report.same()).contains("shared_buffers", "fsync", "password_encryption")
                .doesNotContain("port", "listen_addresses", "unix_socket_directories", "data_directory",
                        "config_file", "hba_file", "ident_file");

        Cli.Run run = Cli.run("compare", "settings", "--source", Cli.conn(source, "postgres"), "--target",
                Cli.conn(target, "postgres"));
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).containsPattern("max_connections += 120 \\(configuration file\\); target 100")
                .doesNotContainPattern("(?m)^  (port|listen_addresses|unix_socket_directories|data_directory) ");
    }

    @Test
    @Order(2)
    void theScriptsStatementsAreAcceptedByTheTargetAndGiveItTheSourcesValues() throws Exception {
        source.execute("postgres", "ALTER SYSTEM SET work_mem = '64MB'", "ALTER SYSTEM SET wal_keep_segments = 32",
                "ALTER SYSTEM SET force_parallel_mode = on", "ALTER SYSTEM SET checkpoint_completion_target = 0.7",
                "ALTER SYSTEM SET wal_consistency_checking = 'heap', 'btree'",
                "ALTER SYSTEM SET search_path = '$user', 'public', 'extra'", "ALTER SYSTEM SET statement_timeout = '30s'",
                "ALTER SYSTEM SET log_min_duration_statement = '1min'", "SELECT pg_catalog.pg_reload_conf()");
        waitFor(source, "work_mem", "64MB");
        Path file = dir.resolve("settings.sql");

        Cli.Run run = Cli.run("compare", "settings", "--script", file.toString(), "--source",
                Cli.conn(source, "postgres"), "--target", Cli.conn(target, "postgres"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        String script = Files.readString(file);
        assertThat(script).contains("ALTER SYSTEM SET wal_keep_size = '512MB';")
                .contains("ALTER SYSTEM SET debug_parallel_query = 'on';")
                .contains("ALTER SYSTEM SET wal_consistency_checking = 'heap', 'btree';")
                .contains("ALTER SYSTEM SET search_path = '$user', 'public', 'extra';")
                .contains("ALTER SYSTEM SET statement_timeout = '30s';")
                .contains("ALTER SYSTEM SET max_connections = '120'; -- needs a restart")
                .doesNotContain("SET port", "SET listen_addresses", "SET unix_socket_directories", "SET shared_buffers",
                        "SET fsync");
        List<String> statements = script.lines().filter(l -> l.startsWith("ALTER SYSTEM") || l.startsWith("SELECT"))
                .map(l -> l.substring(0, l.indexOf(';'))).toList();
        try (Connection c = target.connect("postgres"); Statement st = c.createStatement()) {
            for (String statement : statements) {
                st.execute(statement); // autocommit: ALTER SYSTEM refuses a transaction block
            }
        }
        waitFor(target, "work_mem", "64MB");

        assertThat(show("wal_keep_size")).isEqualTo("512MB");
        assertThat(show("debug_parallel_query")).isEqualTo("on");
        assertThat(show("checkpoint_completion_target")).isEqualTo("0.7");
        assertThat(show("wal_consistency_checking")).isEqualTo("heap, btree");
        assertThat(show("search_path")).isEqualTo("\"$user\", public, extra");
        assertThat(show("statement_timeout")).isEqualTo("30s");
        assertThat(show("log_min_duration_statement")).isEqualTo("1min");
        assertThat(show("max_connections")).isEqualTo("100");
        assertThat(pendingRestart()).containsExactly("max_connections");
        // All that is left is what waits for the restart.
        assertThat(compare().changed()).extracting(SettingsReport.Changed::name).containsExactly("max_connections");
    }

    private static SettingsReport compare() {
        return SettingsComparison.run(ConnInfo.parse(Cli.conn(source, "postgres")),
                ConnInfo.parse(Cli.conn(target, "postgres")));
    }

    private static String show(String name) throws Exception {
        try (Connection c = target.connect("postgres");
             ResultSet rs = c.createStatement().executeQuery("SELECT pg_catalog.current_setting('" + name + "')")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static List<String> pendingRestart() throws Exception {
        try (Connection c = target.connect("postgres");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT name FROM pg_catalog.pg_settings WHERE pending_restart ORDER BY name")) {
            List<String> names = new ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    /** The postmaster rereads its configuration when it gets to the signal; new sessions see it from then on. */
    private static void waitFor(PostgresServer server, String name, String value) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (Connection c = server.connect("postgres");
                 ResultSet rs = c.createStatement().executeQuery("SHOW " + name)) {
                rs.next();
                if (value.equals(rs.getString(1))) {
                    return;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + " never became " + value);
    }
}
