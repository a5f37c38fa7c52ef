package io.pgshift.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnInfoUriTest {

    @TempDir
    Path home;

    private ConnInfo parse(String uri) {
        return ConnInfo.parse(uri, Environment.of(Map.of(), home, "osuser"));
    }

    private PgShiftException failure(String uri) {
        PgShiftException e = catchThrowableOfType(PgShiftException.class, () -> parse(uri));
        assertThat(e).as("expected a failure for %s", uri).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
        return e;
    }

    @Test
    void uriWithAllPartsIsParsed() {
        ConnInfo c = parse("postgresql://bob:secret@db1:5433/app?sslmode=require&application_name=x&connect_timeout=5");
        assertThat(c.user()).isEqualTo("bob");
        assertThat(c.password()).contains("secret");
        assertThat(c.passwordSource()).contains("the connection string");
        assertThat(c.hosts()).containsExactly(new ConnInfo.Host("db1", null, 5433));
        assertThat(c.dbname()).isEqualTo("app");
        assertThat(c.sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(c.applicationName()).isEqualTo("x");
        assertThat(c.connectTimeoutSeconds()).isEqualTo(5);
    }

    @Test
    void shortPostgresSchemeIsAcceptedToo() {
        ConnInfo c = parse("postgres://bob@db1/app");
        assertThat(c.describe()).isEqualTo("bob@db1:5432/app");
    }

    @Test
    void uriPasswordIsPercentDecoded() {
        ConnInfo c = parse("postgresql://bob:p%40ss%3Aw%2Fd%20%25@db1/app");
        assertThat(c.password()).contains("p@ss:w/d %");
        assertThat(c.user()).isEqualTo("bob");
        assertThat(c.host().host()).isEqualTo("db1");
    }

    @Test
    void userDatabaseAndParametersArePercentDecoded() {
        ConnInfo c = parse("postgresql://b%C3%B6b@db1/my%20db?options=-c%20search_path%3Dfoo");
        assertThat(c.user()).isEqualTo("böb");
        assertThat(c.dbname()).isEqualTo("my db");
        assertThat(c.options()).contains("-c search_path=foo");
    }

    @Test
    void plusSignIsNotASpaceInLibpqUris() {
        assertThat(parse("postgresql://h/a+b").dbname()).isEqualTo("a+b");
    }

    @Test
    void ipv6HostIsGivenInBrackets() {
        ConnInfo c = parse("postgresql://bob@[::1]:5433/db");
        assertThat(c.host().host()).isEqualTo("::1");
        assertThat(c.host().port()).isEqualTo(5433);
        assertThat(c.describe()).isEqualTo("bob@[::1]:5433/db");
    }

    @Test
    void ipv6HostWithoutPort() {
        ConnInfo c = parse("postgresql://[2001:db8::7]/db");
        assertThat(c.hosts()).containsExactly(new ConnInfo.Host("2001:db8::7", null, 5432));
    }

    @Test
    void commaSeparatedHostListWithPorts() {
        ConnInfo c = parse("postgresql://h1:5432,h2:5433/db");
        assertThat(c.hosts()).containsExactly(new ConnInfo.Host("h1", null, 5432), new ConnInfo.Host("h2", null, 5433));
        assertThat(c.describe()).isEqualTo("osuser@h1:5432,h2:5433/db");
    }

    @Test
    void hostWithoutPortInAListGetsTheDefaultPort() {
        ConnInfo c = parse("postgresql://h1,h2:5433,[::1]/db");
        assertThat(c.hosts()).containsExactly(new ConnInfo.Host("h1", null, 5432),
                new ConnInfo.Host("h2", null, 5433), new ConnInfo.Host("::1", null, 5432));
    }

    @Test
    void queryParametersOverrideTheHierarchicalParts() {
        ConnInfo c = parse("postgresql://h1/db?host=h2&port=6000&dbname=other&user=carol");
        assertThat(c.describe()).isEqualTo("carol@h2:6000/other");
    }

    @Test
    void databaseOnlyUriTakesHostFromParameters() {
        ConnInfo c = parse("postgresql:///mydb?host=localhost&port=5433");
        assertThat(c.describe()).isEqualTo("osuser@localhost:5433/mydb");
    }

    @Test
    void bareSchemeMeansAllDefaults() {
        ConnInfo c = parse("postgresql://");
        assertThat(c.describe()).isEqualTo("osuser@localhost:5432/osuser");
    }

    @Test
    void queryWithoutPathIsAccepted() {
        assertThat(parse("postgresql://db1?sslmode=verify-full&sslrootcert=system").sslMode())
                .isEqualTo(SslMode.VERIFY_FULL);
    }

    @Test
    void sslTrueIsReadAsRequireLikeLibpq() {
        assertThat(parse("postgresql://db1/app?ssl=true").sslMode()).isEqualTo(SslMode.REQUIRE);
    }

    @Test
    void hostQueryParameterNamingASocketDirectoryIsRejectedClearly() {
        PgShiftException e = failure("postgresql:///app?sslmode=require&application_name=x&host=/socket/dir");
        assertThat(e).hasMessageContaining("\"/socket/dir\"").hasMessageContaining("Unix-domain socket")
                .hasMessageContaining("TCP");
    }

    @Test
    void percentEncodedSocketDirectoryAsHostIsRejected() {
        assertThat(failure("postgresql://%2Fvar%2Frun%2Fpostgresql/app")).hasMessageContaining("/var/run/postgresql");
    }

    @Test
    void unknownQueryParameterIsAnError() {
        assertThat(failure("postgresql://db1/app?foo=bar")).hasMessage("invalid URI query parameter: \"foo\"");
    }

    @Test
    void queryParameterWithoutEqualsIsAnError() {
        assertThat(failure("postgresql://db1/app?sslmode")).hasMessage(
                "missing key/value separator \"=\" in URI query parameter: \"sslmode\"");
    }

    @Test
    void queryParameterWithTwoEqualsIsAnError() {
        assertThat(failure("postgresql://db1/app?sslmode=a=b")).hasMessage(
                "extra key/value separator \"=\" in URI query parameter: \"sslmode\"");
    }

    @Test
    void badPercentEncodingInThePasswordDoesNotShowThePassword() {
        PgShiftException e = failure("postgresql://bob:hunter%zz2@db1/app");
        assertThat(e.getMessage()).doesNotContain("hunter").contains("password");
    }

    @Test
    void percentZeroZeroIsForbidden() {
        assertThat(failure("postgresql://db1/a%00b")).hasMessageContaining("forbidden value %00");
    }

    @Test
    void unterminatedIpv6AddressErrorMasksThePassword() {
        PgShiftException e = failure("postgresql://bob:hunter2@[::1/db?sslpassword=keypass");
        assertThat(e.getMessage()).contains("\"]\"").doesNotContain("hunter2").doesNotContain("keypass");
    }

    @Test
    void passwordInQueryParameterIsDecodedToo() {
        assertThat(parse("postgresql://db1/app?password=a%26b").password()).contains("a&b");
    }

    @Test
    void multipleHostsInHostParameter() {
        ConnInfo c = parse("postgresql:///app?host=h1,h2&port=5432,5433&target_session_attrs=read-write");
        assertThat(c.hostList()).isEqualTo("h1:5432,h2:5433");
        assertThat(c.targetSessionAttrs()).isEqualTo(TargetSessionAttrs.READ_WRITE);
    }
}
