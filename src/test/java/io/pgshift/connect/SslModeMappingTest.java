package io.pgshift.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How libpq settings become pgjdbc properties, above all sslmode. */
class SslModeMappingTest {

    @TempDir
    Path home;

    private ConnInfo parse(String conninfo) {
        return ConnInfo.parse(conninfo, Environment.of(Map.of(), home, "osuser"));
    }

    private Properties props(String conninfo) {
        return Connector.jdbcProperties(parse(conninfo));
    }

    private Path dotPostgresql(String name, byte[] content, String perms) throws IOException {
        Path dir = Files.createDirectories(home.resolve(".postgresql"));
        Path f = dir.resolve(name);
        Files.write(f, content);
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    private PgShiftException sslFailure(String conninfo) {
        PgShiftException e = catchThrowableOfType(PgShiftException.class, () -> props(conninfo));
        assertThat(e).as("expected an SSL failure for %s", conninfo).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.SSL);
        return e;
    }

    @Test
    void sslModeEnumCarriesLibpqMeanings() {
        assertThat(SslMode.fromLibpqName("verify-full")).contains(SslMode.VERIFY_FULL);
        assertThat(SslMode.fromLibpqName("Require")).isEmpty();
        assertThat(SslMode.DISABLE.requiresEncryption()).isFalse();
        assertThat(SslMode.ALLOW.requiresEncryption()).isFalse();
        assertThat(SslMode.PREFER.requiresEncryption()).isFalse();
        assertThat(SslMode.REQUIRE.requiresEncryption()).isTrue();
        assertThat(SslMode.REQUIRE.verifiesCertificate()).isFalse();
        assertThat(SslMode.VERIFY_CA.verifiesCertificate()).isTrue();
        assertThat(SslMode.VERIFY_CA.verifiesHostName()).isFalse();
        assertThat(SslMode.VERIFY_FULL.verifiesHostName()).isTrue();
        assertThat(SslMode.VERIFY_FULL).hasToString("verify-full");
    }

    @Test
    void passwordIsOnlyInThePropertiesNeverInTheUrl() {
        ConnInfo c = parse("host=db1 user=bob password=Sup3rS3cret dbname=app");
        assertThat(Connector.jdbcUrl(c)).isEqualTo("jdbc:postgresql://db1:5432/app").doesNotContain("Sup3rS3cret");
        Properties p = Connector.jdbcProperties(c);
        assertThat(p.getProperty("password")).isEqualTo("Sup3rS3cret");
        assertThat(p.getProperty("user")).isEqualTo("bob");
        assertThat(p.getProperty("authenticationPluginClassName")).isNull();
    }

    @Test
    void withoutAPasswordPgjdbcIsToldThereIsNone() {
        Properties p = props("host=db1");
        assertThat(p.getProperty("password")).isNull();
        assertThat(p.getProperty("authenticationPluginClassName")).isEqualTo(NoPasswordPlugin.class.getName());
        assertThat(new NoPasswordPlugin().getPassword(null)).isNull();
    }

    @Test
    void urlListsEveryHostAndEncodesTheDatabase() {
        ConnInfo c = parse("host=h1,::1 port=5432,5433 dbname='my db/x+y'");
        assertThat(Connector.jdbcUrl(c)).isEqualTo("jdbc:postgresql://h1:5432,[::1]:5433/my+db%2Fx%2By");
    }

    @Test
    void defaultsForApplicationNameTimeoutAndKeepalive() {
        Properties p = props("host=db1");
        assertThat(p.getProperty("ApplicationName")).isEqualTo("pgshift");
        assertThat(p.getProperty("connectTimeout")).isEqualTo("10");
        assertThat(p.getProperty("loginTimeout")).isEqualTo("20"); // prefer may try twice
        assertThat(p.getProperty("tcpKeepAlive")).isEqualTo("true");
        assertThat(p.getProperty("options")).isNull();
        assertThat(p.getProperty("targetServerType")).isNull();
    }

    @Test
    void loginTimeoutCoversEveryHost() {
        Properties p = props("host=h1,h2,h3 connect_timeout=5 sslmode=require");
        assertThat(p.getProperty("connectTimeout")).isEqualTo("5");
        assertThat(p.getProperty("loginTimeout")).isEqualTo("15");
        assertThat(props("connect_timeout=0").getProperty("loginTimeout")).isNull();
        assertThat(props("connect_timeout=0").getProperty("connectTimeout")).isEqualTo("0");
    }

    @Test
    void otherSettingsMapOntoPgjdbcProperties() {
        Properties p = props("options='-c search_path=s' target_session_attrs=prefer-standby"
                + " load_balance_hosts=random channel_binding=require gssencmode=disable"
                + " krbsrvname=pg gsslib=gssapi application_name=app");
        assertThat(p.getProperty("options")).isEqualTo("-c search_path=s");
        assertThat(p.getProperty("targetServerType")).isEqualTo("preferSecondary");
        assertThat(p.getProperty("loadBalanceHosts")).isEqualTo("true");
        assertThat(p.getProperty("channelBinding")).isEqualTo("require");
        assertThat(p.getProperty("gssEncMode")).isEqualTo("disable");
        assertThat(p.getProperty("kerberosServerName")).isEqualTo("pg");
        assertThat(p.getProperty("gsslib")).isEqualTo("gssapi");
        assertThat(p.getProperty("ApplicationName")).isEqualTo("app");
    }

    @Test
    void targetSessionAttrsMapToTargetServerType() {
        assertThat(props("target_session_attrs=read-write").getProperty("targetServerType")).isEqualTo("primary");
        assertThat(props("target_session_attrs=read-only").getProperty("targetServerType")).isEqualTo("secondary");
        assertThat(props("target_session_attrs=primary").getProperty("targetServerType")).isEqualTo("primary");
        assertThat(props("target_session_attrs=standby").getProperty("targetServerType")).isEqualTo("secondary");
    }

    @Test
    void disableMapsToDisable() {
        Properties p = props("sslmode=disable");
        assertThat(p.getProperty("sslmode")).isEqualTo("disable");
        assertThat(p.getProperty("sslrootcert")).isNull();
    }

    @Test
    void allowAndPreferNeverVerify() throws IOException {
        dotPostgresql("root.crt", "x".getBytes(), "rw-------");
        assertThat(props("sslmode=allow").getProperty("sslmode")).isEqualTo("allow");
        assertThat(props("").getProperty("sslmode")).isEqualTo("prefer");
        assertThat(props("").getProperty("sslrootcert")).isNull();
    }

    @Test
    void requireEncryptsWithoutVerifyingWhenThereIsNoRootCertificate() {
        Properties p = props("sslmode=require");
        assertThat(p.getProperty("sslmode")).isEqualTo("require"); // pgjdbc: encrypt, trust any certificate
        assertThat(p.getProperty("sslrootcert")).isNull();
        assertThat(p.getProperty("sslfactory")).isNull();
    }

    @Test
    void requireVerifiesLikeVerifyCaWhenTheDefaultRootCertificateExists() throws IOException {
        Path root = dotPostgresql("root.crt", "x".getBytes(), "rw-r--r--");
        Properties p = props("sslmode=require");
        assertThat(p.getProperty("sslmode")).isEqualTo("verify-ca");
        assertThat(p.getProperty("sslrootcert")).isEqualTo(root.toString());
    }

    @Test
    void requireVerifiesAgainstAnExplicitRootCertificate() throws IOException {
        Path root = Files.writeString(home.resolve("ca.pem"), "x");
        Properties p = props("sslmode=require sslrootcert=" + root);
        assertThat(p.getProperty("sslmode")).isEqualTo("verify-ca");
        assertThat(p.getProperty("sslrootcert")).isEqualTo(root.toString());
        // a named but missing file leaves require unverified, as in libpq
        assertThat(props("sslmode=require sslrootcert=" + home.resolve("missing.pem")).getProperty("sslmode"))
                .isEqualTo("require");
    }

    @Test
    void verifyCaUsesTheRootCertificateFromTheResolvedHome() throws IOException {
        Path root = dotPostgresql("root.crt", "x".getBytes(), "rw-r--r--");
        Properties p = props("sslmode=verify-ca");
        assertThat(p.getProperty("sslmode")).isEqualTo("verify-ca");
        assertThat(p.getProperty("sslrootcert")).isEqualTo(root.toString());
        assertThat(props("sslmode=verify-full").getProperty("sslmode")).isEqualTo("verify-full");
    }

    @Test
    void verifyModesWithoutARootCertificateFailAsSslErrors() {
        PgShiftException e = sslFailure("host=db1 sslmode=verify-full");
        assertThat(e).hasMessageStartingWith("cannot connect to osuser@db1:5432/osuser?sslmode=verify-full: root certificate file")
                .hasMessageContaining(home.resolve(".postgresql/root.crt").toString())
                .hasMessageContaining("sslrootcert=system");
    }

    @Test
    void sslrootcertSystemUsesJavasTrustedRootsAndVerifyFull() {
        ConnInfo c = parse("host=db1 sslrootcert=system");
        assertThat(c.sslMode()).isEqualTo(SslMode.VERIFY_FULL);
        Properties p = Connector.jdbcProperties(c);
        assertThat(p.getProperty("sslmode")).isEqualTo("verify-full");
        assertThat(p.getProperty("sslfactory")).isEqualTo("org.postgresql.ssl.DefaultJavaSSLFactory");
        assertThat(p.getProperty("sslrootcert")).isNull();
    }

    @Test
    void sslrootcertSystemRefusesWeakerModes() {
        PgShiftException e = catchThrowableOfType(PgShiftException.class, () -> parse("sslrootcert=system sslmode=require"));
        assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
        assertThat(e).hasMessage("weak sslmode \"require\" may not be used with sslrootcert=system (use \"verify-full\")");
    }

    @Test
    void noClientCertificateIsSentWhenThereIsNone() {
        Properties p = props("sslmode=require");
        // explicit empty values keep pgjdbc away from its own ~/.postgresql defaults
        assertThat(p.getProperty("sslcert")).isEmpty();
        assertThat(p.getProperty("sslkey")).isEmpty();
    }

    @Test
    void clientCertificateAndPkcs8KeyArePassed() throws Exception {
        Path cert = dotPostgresql("postgresql.crt", "cert".getBytes(), "rw-r--r--");
        Path key = dotPostgresql("postgresql.pk8", new byte[] {0x30, (byte) 0x82, 0x01}, "rw-------");
        Properties p = props("sslmode=require");
        assertThat(p.getProperty("sslcert")).isEqualTo(cert.toString());
        assertThat(p.getProperty("sslkey")).isEqualTo(key.toString());
    }

    @Test
    void pkcs12KeyIsPassedAsPgjdbcExpects() {
        Properties p = props("sslmode=require sslkey=/etc/pgshift/client.p12 sslpassword=K3yPa55");
        assertThat(p.getProperty("sslkey")).isEqualTo("/etc/pgshift/client.p12");
        assertThat(p.getProperty("sslpassword")).isEqualTo("K3yPa55");
    }

    @Test
    void pemKeyAtTheDefaultLocationIsNotSentAndExplained() throws IOException {
        dotPostgresql("postgresql.crt", "cert".getBytes(), "rw-r--r--");
        dotPostgresql("postgresql.key", "-----BEGIN PRIVATE KEY-----\nAAAA\n".getBytes(), "rw-------");
        ConnInfo c = parse("sslmode=require");
        assertThat(c.sslCert()).isEmpty();
        assertThat(c.warnings()).singleElement().asString().contains("PEM").contains("openssl pkcs8");
        assertThat(Connector.jdbcProperties(c).getProperty("sslcert")).isEmpty();
    }

    @Test
    void explicitPemKeyFailsAnEncryptedConnection() throws IOException {
        dotPostgresql("postgresql.crt", "cert".getBytes(), "rw-r--r--");
        Path key = dotPostgresql("client.key", "-----BEGIN RSA PRIVATE KEY-----\n".getBytes(), "rw-------");
        assertThat(sslFailure("sslmode=require sslkey=" + key)).hasMessageContaining("PEM");
        // with prefer libpq would give up SSL and the certificate: pgshift skips the certificate
        assertThat(parse("sslmode=prefer sslkey=" + key).warnings()).singleElement().asString().contains("PEM");
    }

    @Test
    void certificateWithoutKeyFailsLikeLibpq() throws IOException {
        dotPostgresql("postgresql.crt", "cert".getBytes(), "rw-r--r--");
        assertThat(sslFailure("sslmode=require"))
                .hasMessageContaining("certificate present, but not private key file");
    }

    @Test
    void keyWithGroupOrWorldAccessIsRefusedLikeLibpq() throws IOException {
        dotPostgresql("postgresql.crt", "cert".getBytes(), "rw-r--r--");
        dotPostgresql("postgresql.pk8", new byte[] {0x30}, "rw-r--r--");
        assertThat(sslFailure("sslmode=require")).hasMessageContaining("has group or world access");
    }

    @Test
    void sslcertmodeDisableSendsNoCertificate() throws IOException {
        dotPostgresql("postgresql.crt", "cert".getBytes(), "rw-r--r--");
        dotPostgresql("postgresql.pk8", new byte[] {0x30}, "rw-------");
        assertThat(props("sslmode=require sslcertmode=disable").getProperty("sslcert")).isEmpty();
    }

    @Test
    void hostaddrWithVerifyFullChecksTheCertificateAgainstTheHostName() {
        ConnInfo c = parse("host=db1.example.com hostaddr=10.0.0.5 sslmode=verify-full sslrootcert=system");
        Properties p = Connector.jdbcProperties(c);
        assertThat(p.getProperty("sslhostnameverifier")).isEqualTo(HostAddressVerifier.class.getName());
        assertThat(p.getProperty("pgshift.hostaddrNames")).isEqualTo("10.0.0.5=db1.example.com");
        assertThat(Connector.jdbcUrl(c)).isEqualTo("jdbc:postgresql://10.0.0.5:5432/osuser");
        assertThat(props("host=db1 sslmode=verify-full sslrootcert=system").getProperty("sslhostnameverifier")).isNull();
    }
}
