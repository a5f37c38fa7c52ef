package io.pgshift.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnInfoEnvironmentTest {

    @TempDir
    Path home;

    private Environment env(String... keyValues) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            vars.put(keyValues[i], keyValues[i + 1]);
        }
        return Environment.of(vars, home, "osuser");
    }

    private Path pgpass(String content) throws IOException {
        Path f = home.resolve(".pgpass");
        Files.writeString(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
        return f;
    }

    @Test
    void builtInDefaultsAreLikeLibpqButOverTcp() {
        ConnInfo c = ConnInfo.parse("", env());
        assertThat(c.hosts()).containsExactly(new ConnInfo.Host("localhost", null, 5432));
        assertThat(c.user()).isEqualTo("osuser");
        assertThat(c.dbname()).isEqualTo("osuser");
        assertThat(c.sslMode()).isEqualTo(SslMode.PREFER);
        assertThat(c.applicationName()).isEqualTo("pgshift");
        assertThat(c.connectTimeoutSeconds()).isEqualTo(10);
        assertThat(c.targetSessionAttrs()).isEqualTo(TargetSessionAttrs.ANY);
        assertThat(c.keepalives()).isTrue();
        assertThat(c.password()).isEmpty();
        assertThat(c.passfile()).contains(home.resolve(".pgpass"));
        assertThat(c.sslRootCert()).contains(home.resolve(".postgresql/root.crt"));
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void nullConnectionStringIsLikeAnEmptyOne() {
        assertThat(ConnInfo.parse(null, env("PGHOST", "db7")).describe()).isEqualTo("osuser@db7:5432/osuser");
    }

    @Test
    void emptyStringTakesEverythingFromTheEnvironment() {
        ConnInfo c = ConnInfo.parse("", env("PGHOST", "db1", "PGPORT", "5433", "PGUSER", "alice",
                "PGPASSWORD", "pw-from-env", "PGDATABASE", "sales", "PGSSLMODE", "require",
                "PGAPPNAME", "nightly", "PGCONNECT_TIMEOUT", "7", "PGOPTIONS", "-c geqo=off",
                "PGTARGETSESSIONATTRS", "prefer-standby"));
        assertThat(c.describe()).isEqualTo("alice@db1:5433/sales?sslmode=require");
        assertThat(c.password()).contains("pw-from-env");
        assertThat(c.passwordSource()).contains("PGPASSWORD");
        assertThat(c.applicationName()).isEqualTo("nightly");
        assertThat(c.connectTimeoutSeconds()).isEqualTo(7);
        assertThat(c.options()).contains("-c geqo=off");
        assertThat(c.targetSessionAttrs()).isEqualTo(TargetSessionAttrs.PREFER_STANDBY);
    }

    @Test
    void sslFilesComeFromTheEnvironment() throws IOException {
        Path root = Files.writeString(home.resolve("ca.pem"), "x");
        ConnInfo c = ConnInfo.parse("", env("PGSSLROOTCERT", root.toString(), "PGSSLMODE", "verify-ca"));
        assertThat(c.sslRootCert()).contains(root);
        assertThat(c.sslRootCertExists()).isTrue();
    }

    @Test
    void explicitValuesWinOverEnvironment() {
        Environment e = env("PGHOST", "envhost", "PGPORT", "6000", "PGUSER", "envuser", "PGDATABASE", "envdb",
                "PGPASSWORD", "envpw", "PGSSLMODE", "disable", "PGAPPNAME", "envapp");
        ConnInfo kv = ConnInfo.parse("host=h port=5433 user=u dbname=d password=pw sslmode=require application_name=a", e);
        assertThat(kv.describe()).isEqualTo("u@h:5433/d?sslmode=require");
        assertThat(kv.password()).contains("pw");
        assertThat(kv.passwordSource()).contains("the connection string");
        assertThat(kv.applicationName()).isEqualTo("a");

        ConnInfo uri = ConnInfo.parse("postgresql://u:pw@h:5433/d?sslmode=require", e);
        assertThat(uri.describe()).isEqualTo("u@h:5433/d?sslmode=require");
        assertThat(uri.password()).contains("pw");
    }

    @Test
    void partsMissingFromTheUriComeFromTheEnvironment() {
        ConnInfo c = ConnInfo.parse("postgresql:///app", env("PGHOST", "envhost", "PGUSER", "envuser"));
        assertThat(c.describe()).isEqualTo("envuser@envhost:5432/app");
    }

    @Test
    void databaseDefaultsToTheResolvedUser() {
        assertThat(ConnInfo.parse("", env("PGUSER", "alice")).dbname()).isEqualTo("alice");
        assertThat(ConnInfo.parse("user=bob", env()).dbname()).isEqualTo("bob");
    }

    @Test
    void emptyEnvironmentValueMeansTheDefault() {
        assertThat(ConnInfo.parse("", env("PGHOST", "", "PGUSER", "")).describe()).isEqualTo("osuser@localhost:5432/osuser");
    }

    @Test
    void explicitEmptyValueHidesTheEnvironmentLikeLibpq() {
        assertThat(ConnInfo.parse("host=''", env("PGHOST", "envhost")).host().host()).isEqualTo("localhost");
    }

    @Test
    void invalidValueFromTheEnvironmentNamesTheVariable() {
        PgShiftException e = catchThrowableOfType(PgShiftException.class,
                () -> ConnInfo.parse("", env("PGSSLMODE", "on")));
        assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
        assertThat(e).hasMessage("invalid sslmode value: \"on\" (from PGSSLMODE)");
    }

    @Test
    void socketDirectoryInPghostIsRejectedNamingTheVariable() {
        assertThatThrownBy(() -> ConnInfo.parse("", env("PGHOST", "/var/run/postgresql")))
                .isInstanceOf(PgShiftException.class)
                .hasMessageContaining("Unix-domain socket").hasMessageContaining("(from PGHOST)");
    }

    @Test
    void deprecatedPgrequiresslStillMeansRequire() {
        assertThat(ConnInfo.parse("", env("PGREQUIRESSL", "1")).sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(ConnInfo.parse("", env("PGREQUIRESSL", "1", "PGSSLMODE", "disable")).sslMode()).isEqualTo(SslMode.DISABLE);
    }

    @Test
    void pgserviceIsIgnoredWithAWarning() {
        assertThat(ConnInfo.parse("host=db1", env("PGSERVICE", "prod")).warnings())
                .singleElement().asString().contains("PGSERVICE");
    }

    @Test
    void unsupportedSettingFromTheEnvironmentIsRefused() {
        assertThatThrownBy(() -> ConnInfo.parse("", env("PGREQUIREAUTH", "scram-sha-256")))
                .hasMessageContaining("require_auth").hasMessageContaining("(from PGREQUIREAUTH)");
    }

    @Test
    void missingOsUserWithoutUserIsAClearError() {
        assertThatThrownBy(() -> ConnInfo.parse("", Environment.of(Map.of(), home, null)))
                .hasMessageContaining("user=");
        assertThat(ConnInfo.parse("user=x", Environment.of(Map.of(), home, null)).user()).isEqualTo("x");
    }

    @Test
    void pgpasswordWinsOverThePasswordFile() throws IOException {
        pgpass("*:*:*:*:from-file\n");
        ConnInfo c = ConnInfo.parse("", env("PGPASSWORD", "from-env"));
        assertThat(c.password()).contains("from-env");
    }

    @Test
    void explicitPasswordWinsOverPgpassword() {
        assertThat(ConnInfo.parse("password=explicit", env("PGPASSWORD", "from-env")).password()).contains("explicit");
    }

    @Test
    void withDatabaseSwitchesOnlyTheDatabase() {
        ConnInfo source = ConnInfo.parse("host=db1 port=5433 user=bob password=pw dbname=app sslmode=require", env());
        ConnInfo maintenance = source.withDatabase("postgres");
        assertThat(maintenance.describe()).isEqualTo("bob@db1:5433/postgres?sslmode=require");
        assertThat(maintenance.password()).contains("pw");
        assertThat(source.dbname()).isEqualTo("app"); // immutable
    }

    @Test
    void withDatabaseLooksUpThePasswordFileAgain() throws IOException {
        pgpass("db1:5432:app:bob:app-pw\ndb1:5432:postgres:bob:maint-pw\n");
        ConnInfo app = ConnInfo.parse("host=db1 user=bob dbname=app", env());
        assertThat(app.password()).contains("app-pw");
        assertThat(app.withDatabase("postgres").password()).contains("maint-pw");
    }

    @Test
    void describeNamesUserHostPortAndDatabase() {
        assertThat(ConnInfo.parse("host=db1 user=postgres dbname=app", env()).describe())
                .isEqualTo("postgres@db1:5432/app");
        assertThat(ConnInfo.parse("host=db1 user=postgres dbname=app sslmode=verify-full sslrootcert=system", env())
                .describe()).isEqualTo("postgres@db1:5432/app?sslmode=verify-full");
    }

    @Test
    void toStringNeverShowsThePassword() throws IOException {
        ConnInfo explicit = ConnInfo.parse("host=db1 password=Sup3rS3cret sslpassword=K3yPa55", env());
        assertThat(explicit.toString()).doesNotContain("Sup3rS3cret").doesNotContain("K3yPa55")
                .contains("password=(from the connection string)").contains("db1");
        assertThat(explicit.describe()).doesNotContain("Sup3rS3cret");

        ConnInfo fromEnv = ConnInfo.parse("", env("PGPASSWORD", "Sup3rS3cret"));
        assertThat(fromEnv.toString()).doesNotContain("Sup3rS3cret").contains("PGPASSWORD");

        pgpass("*:*:*:*:Sup3rS3cret\n");
        ConnInfo fromFile = ConnInfo.parse("", env());
        assertThat(fromFile.password()).contains("Sup3rS3cret");
        assertThat(fromFile.toString()).doesNotContain("Sup3rS3cret").contains(".pgpass");

        ConnInfo uri = ConnInfo.parse("postgresql://bob:Sup3rS3cret@db1/app", env());
        assertThat(uri.toString()).doesNotContain("Sup3rS3cret");
        assertThat(Connector.jdbcUrl(uri)).doesNotContain("Sup3rS3cret");
    }

    @Test
    void environmentToStringDoesNotListVariables() {
        assertThat(env("PGPASSWORD", "Sup3rS3cret").toString()).doesNotContain("Sup3rS3cret");
    }

    @Test
    void systemEnvironmentHasAHomeAndAUser() {
        Environment sys = Environment.system();
        assertThat(sys.osUser()).isNotBlank();
        assertThat(sys.home()).isNotNull();
    }
}
