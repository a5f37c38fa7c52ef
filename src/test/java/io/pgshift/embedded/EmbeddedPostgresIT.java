package io.pgshift.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pgshift.testkit.PostgresServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EmbeddedPostgresIT {
    @RegisterExtension
    static final PostgresServer sslEnabled = PostgresServer.version("17").ssl(SslSetup.ENABLED);

    @RegisterExtension
    static final PostgresServer sslRequired = PostgresServer.version("17").ssl(SslSetup.REQUIRED);

    @ParameterizedTest(name = "PostgreSQL {0}")
    @EnumSource(PgVersion.class)
    void startsEveryVersionReportsItsMajorRefusesBadCredentialsAndDeletesItsDataOnClose(PgVersion version)
            throws SQLException {
        Path dataDirectory;
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder(version).start()) {
            dataDirectory = pg.dataDirectory();
            assertThat(dataDirectory.resolve("PG_VERSION")).hasContent(version.major());
            assertThat(pg.majorVersion()).isEqualTo(version.major());
            assertThat(pg.jdbcUrl("postgres")).doesNotContain(pg.password());

            try (Connection connection = connect(pg.jdbcUrl("postgres"), pg.superuser(), pg.password(), "disable")) {
                assertThat(majorOf(Integer.parseInt(queryString(connection, "SHOW server_version_num"))))
                        .isEqualTo(version.major());
            }
            assertThatThrownBy(() -> connect(pg.jdbcUrl("postgres"), pg.superuser(), pg.password() + "x", "disable"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
            assertThatThrownBy(() -> connect(pg.jdbcUrl("postgres"), "nobody", pg.password(), "disable"))
                    .isInstanceOf(SQLException.class)
                    .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28P01");
        }
        assertThat(dataDirectory).doesNotExist();
        assertThat(dataDirectory.getParent()).doesNotExist();
    }

    @Test
    void anSslEnabledServerAcceptsSslmodeRequireAndItsCertificateVerifiesOnlyForLocalhost() throws SQLException {
        try (Connection connection = connect(sslEnabled.jdbcUrl("postgres"), sslEnabled.superuser(),
                sslEnabled.password(), "require")) {
            assertThat(queryString(connection, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
                    .isEqualTo("t");
        }
        try (Connection connection = connect(sslEnabled.jdbcUrl("postgres"), sslEnabled.superuser(),
                sslEnabled.password(), "disable")) {
            assertThat(queryString(connection, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
                    .isEqualTo("f");
        }

        String rootCert = "&sslrootcert=" + sslEnabled.certificate();
        String byName = "jdbc:postgresql://localhost:" + sslEnabled.port() + "/postgres?sslmode=verify-full" + rootCert;
        try (Connection ignored = connect(byName, sslEnabled.superuser(), sslEnabled.password(), null)) {
            // verify-full passed: the certificate names localhost
        }
        String byAddress = sslEnabled.jdbcUrl("postgres") + "?sslmode=verify-full" + rootCert;
        assertThatThrownBy(() -> connect(byAddress, sslEnabled.superuser(), sslEnabled.password(), null))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void aServerThatRequiresSslRefusesSslmodeDisable() throws SQLException {
        assertThatThrownBy(() -> connect(sslRequired.jdbcUrl("postgres"), sslRequired.superuser(),
                sslRequired.password(), "disable"))
                .isInstanceOf(SQLException.class)
                .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("28000");
        try (Connection connection = connect(sslRequired.jdbcUrl("postgres"), sslRequired.superuser(),
                sslRequired.password(), "require")) {
            assertThat(queryString(connection, "SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()"))
                    .isEqualTo("t");
        }
    }

    @Test
    void theTestKitCreatesDatabasesAndConnectsToThemAsSuperuser() throws SQLException {
        sslRequired.createDatabase("shop floor");
        sslRequired.execute("shop floor", "CREATE TABLE item (id int)", "INSERT INTO item VALUES (1), (2)");
        try (Connection connection = sslRequired.connect("shop floor")) {
            assertThat(queryString(connection, "SELECT current_database() || ':' || count(*) FROM item"))
                    .isEqualTo("shop floor:2");
            assertThat(queryString(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
                    .isEqualTo("t");
        }
        assertThat(Files.isDirectory(sslRequired.dataDirectory())).isTrue();
    }

    private static Connection connect(String url, String user, String password, String sslmode) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        if (sslmode != null) {
            properties.setProperty("sslmode", sslmode);
        }
        return DriverManager.getConnection(url, properties);
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            assertThat(rows.next()).isTrue();
            return rows.getString(1);
        }
    }

    /** 90624 is 9.6, 120022 is 12: the numbering changed with version 10. */
    private static String majorOf(int serverVersionNum) {
        return serverVersionNum >= 100_000
                ? Integer.toString(serverVersionNum / 10_000)
                : serverVersionNum / 10_000 + "." + serverVersionNum / 100 % 100;
    }
}
