package io.pgshift.settings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.pgshift.testkit.Cli;
import io.pgshift.testkit.ManagedServer;
import io.pgshift.testkit.PostgresServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** compare settings --script against a target set up as Azure sets up its servers, read by Azure's admin. */
class SettingsScriptOnAzureIT {
    @RegisterExtension
    static final PostgresServer source = PostgresServer.version("12").setting("work_mem", "64MB");
    @RegisterExtension
    static final ManagedServer target = ManagedServer.of(ManagedServer.Provider.AZURE, "17");

    @Test
    void theScriptForAnAzureTargetNamesItsServerParametersInsteadOfTheAlterSystemItsAdminMayNotRun(
            @TempDir Path dir) throws Exception {
        Path file = dir.resolve("settings.sql");

        Cli.Run run = Cli.run("compare", "settings", "--script", file.toString(), "--source",
                Cli.conn(source, "postgres"), "--target", target.adminConn("postgres"));

        assertThat(run.exitCode()).as(run.err()).isZero();
        String script = Files.readString(file);
        assertThat(script).contains("-- work_mem = 64MB: set it in the Azure server parameters")
                .doesNotContain("ALTER SYSTEM SET", "pg_reload_conf", "SET port", "ssl_cert_file");
        try (Connection admin = target.connectAsAdmin("postgres")) {
            assertThatThrownBy(() -> admin.createStatement().execute("ALTER SYSTEM SET work_mem = '64MB'"))
                    .isInstanceOf(SQLException.class);
        }
    }
}
