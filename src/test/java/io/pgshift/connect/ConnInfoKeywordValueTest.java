package io.pgshift.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnInfoKeywordValueTest {

    @TempDir
    Path home;

    private ConnInfo parse(String conninfo) {
        return ConnInfo.parse(conninfo, Environment.of(Map.of(), home, "osuser"));
    }

    private PgShiftException failure(String conninfo) {
        PgShiftException e = catchThrowableOfType(PgShiftException.class, () -> parse(conninfo));
        assertThat(e).as("expected a failure for %s", conninfo).isNotNull();
        assertThat(e.code()).isEqualTo(ErrorCode.USAGE);
        return e;
    }

    @Test
    void keywordValuePairsAreParsed() {
        ConnInfo c = parse("host=db1 port=5433 dbname=app user=bob password=secret sslmode=verify-ca"
                + " application_name=mig options='-c work_mem=64MB' target_session_attrs=primary");
        assertThat(c.describe()).isEqualTo("bob@db1:5433/app?sslmode=verify-ca");
        assertThat(c.password()).contains("secret");
        assertThat(c.applicationName()).isEqualTo("mig");
        assertThat(c.options()).contains("-c work_mem=64MB");
        assertThat(c.targetSessionAttrs()).isEqualTo(TargetSessionAttrs.PRIMARY);
    }

    @Test
    void spacesAroundEqualsAreAllowed() {
        ConnInfo c = parse("  host = db1\tport= 5433 dbname =app  ");
        assertThat(c.describe()).isEqualTo("osuser@db1:5433/app");
    }

    @Test
    void quotedValuesKeepSpacesAndBackslashEscapes() {
        ConnInfo c = parse("password='a b\\'c\\\\d' user='joe smith'");
        assertThat(c.password()).contains("a b'c\\d");
        assertThat(c.user()).isEqualTo("joe smith");
    }

    @Test
    void backslashEscapesWorkInUnquotedValuesToo() {
        assertThat(parse("password=a\\ b\\'c").password()).contains("a b'c");
    }

    @Test
    void emptyQuotedValueIsAllowed() {
        ConnInfo c = parse("password='' host=db1");
        assertThat(c.password()).isEmpty();
        assertThat(c.host().host()).isEqualTo("db1");
    }

    @Test
    void aRepeatedKeywordKeepsTheLastValue() {
        assertThat(parse("host=a host=b").host().host()).isEqualTo("b");
    }

    @Test
    void unknownKeywordIsAnError() {
        assertThat(failure("host=db1 foo=bar")).hasMessage("invalid connection option \"foo\"");
    }

    @Test
    void keywordsAreCaseSensitiveLikeLibpq() {
        assertThat(failure("Host=db1")).hasMessage("invalid connection option \"Host\"");
    }

    @Test
    void wordWithoutEqualsIsAnError() {
        assertThat(failure("mydb")).hasMessage("missing \"=\" after \"mydb\" in connection info string");
    }

    @Test
    void unquotedPasswordWithASpaceDoesNotLeakIntoTheError() {
        PgShiftException e = failure("user=bob password=hunter 2secret host=db1");
        assertThat(e.getMessage()).doesNotContain("2secret").doesNotContain("hunter").contains("password");
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertThat(failure("password='abc")).hasMessage("unterminated quoted string in connection info string");
    }

    @Test
    void requiresslIsTranslatedLikeLibpq() {
        assertThat(parse("requiressl=1").sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(parse("requiressl=0").sslMode()).isEqualTo(SslMode.PREFER);
    }

    @Test
    void hostAndPortListsArePaired() {
        ConnInfo c = parse("host=h1,h2,h3 port=5432,5433,5434");
        assertThat(c.hostList()).isEqualTo("h1:5432,h2:5433,h3:5434");
    }

    @Test
    void oneDefaultEntryInAHostListMeansTheDefaults() {
        ConnInfo c = parse("host=h1,,h3 port=6000,,");
        assertThat(c.hostList()).isEqualTo("h1:6000,localhost:5432,h3:5432");
    }

    @Test
    void aSinglePortAppliesToEveryHost() {
        assertThat(parse("host=h1,h2 port=6432").hostList()).isEqualTo("h1:6432,h2:6432");
    }

    @Test
    void portCountMustMatchHostCount() {
        assertThat(failure("host=h1,h2,h3 port=1,2")).hasMessage("could not match 2 port numbers to 3 hosts");
    }

    @Test
    void invalidPortsAreErrors() {
        assertThat(failure("port=54x")).hasMessage("invalid integer value \"54x\" for connection option \"port\"");
        assertThat(failure("port=70000")).hasMessage("invalid port number: \"70000\"");
    }

    @Test
    void hostaddrAloneIsWhereTheConnectionGoes() {
        ConnInfo c = parse("hostaddr=10.1.2.3 port=5433");
        assertThat(c.host()).isEqualTo(new ConnInfo.Host(null, "10.1.2.3", 5433));
        assertThat(c.host().connectTo()).isEqualTo("10.1.2.3");
        assertThat(c.describe()).isEqualTo("osuser@10.1.2.3:5433/osuser");
    }

    @Test
    void hostaddrWithHostConnectsToTheAddressButKeepsTheName() {
        ConnInfo c = parse("host=db1.example.com hostaddr=10.1.2.3");
        assertThat(c.host().connectTo()).isEqualTo("10.1.2.3");
        assertThat(c.describe()).isEqualTo("osuser@db1.example.com:5432/osuser");
        assertThat(Connector.jdbcUrl(c)).isEqualTo("jdbc:postgresql://10.1.2.3:5432/osuser");
    }

    @Test
    void hostaddrMustBeNumeric() {
        assertThat(failure("hostaddr=db1")).hasMessageStartingWith("could not parse network address \"db1\"");
        assertThat(failure("hostaddr=300.1.1.1")).hasMessageStartingWith("could not parse network address");
        assertThat(parse("hostaddr=::1").host().connectTo()).isEqualTo("::1");
    }

    @Test
    void hostCountMustMatchHostaddrCount() {
        assertThat(failure("host=a,b hostaddr=10.0.0.1")).hasMessage("could not match 2 host names to 1 hostaddr values");
    }

    @Test
    void socketDirectoryHostIsRejected() {
        assertThat(failure("host=/var/run/postgresql")).hasMessageContaining("Unix-domain socket")
                .hasMessageContaining("host=localhost");
        assertThat(failure("host=@abstract")).hasMessageContaining("Unix-domain socket");
    }

    @Test
    void libpqKeywordsPgshiftCannotHonourAreRefusedWithTheReason() {
        assertThat(failure("sslmode=verify-full sslrootcert=system sslcrl=/etc/crl.pem")).hasMessage(
                "connection option \"sslcrl\" is not supported by pgshift: pgjdbc cannot check certificate revocation lists");
        // without certificate verification a revocation list has no effect, in libpq as in pgshift
        assertThat(parse("sslmode=require sslcrldir=/etc/crl.d").sslMode()).isEqualTo(SslMode.REQUIRE);
        assertThat(failure("service=prod")).hasMessageContaining("pg_service.conf");
        assertThat(failure("require_auth=scram-sha-256")).hasMessageContaining("require_auth");
        assertThat(failure("replication=database")).hasMessageContaining("replication");
    }

    @Test
    void harmlessLibpqKeywordsAreAcceptedAndIgnored() {
        ConnInfo c = parse("keepalives=1 keepalives_idle=30 keepalives_interval=5 keepalives_count=3"
                + " sslsni=1 requirepeer=postgres client_encoding=UTF8 sslcompression=0 gssdelegation=0 sslcrl=");
        assertThat(c.keepalives()).isTrue();
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void keepaliveTimingGoesToEverySocketThroughPgshiftsSocketFactory() {
        java.util.Properties p = Connector.jdbcProperties(
                parse("keepalives_idle=30 keepalives_interval=5 keepalives_count=3"));

        assertThat(p.getProperty("socketFactory")).isEqualTo(KeepaliveSocketFactory.class.getName());
        assertThat(p.getProperty("socketFactoryArg")).isEqualTo("30,5,3");
    }

    @Test
    void withoutKeepaliveTimingAMinuteOfSilenceThenSixProbesTenSecondsApartEndAConnection() {
        assertThat(Connector.jdbcProperties(parse("host=db")).getProperty("socketFactoryArg")).isEqualTo("60,10,6");
        assertThat(Connector.jdbcProperties(parse("keepalives_idle=0")).getProperty("socketFactoryArg"))
                .isEqualTo("60,10,6");
    }

    @Test
    void tcpUserTimeoutIsValidatedThenNamedAsNotApplied() {
        assertThat(parse("tcp_user_timeout=1000").warnings()).singleElement().asString()
                .startsWith("tcp_user_timeout is not applied");
        assertThat(failure("tcp_user_timeout=soon")).hasMessageContaining("invalid integer value");
    }

    @Test
    void theSocketFactorySetsTheKeepaliveOptionsOnEachSocket() throws Exception {
        try (java.net.Socket s = new KeepaliveSocketFactory("30,5,3").createSocket()) {
            assertThat(s.getKeepAlive()).isTrue();
            if (s.supportedOptions().contains(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE)) {
                assertThat(s.getOption(jdk.net.ExtendedSocketOptions.TCP_KEEPIDLE)).isEqualTo(30);
                assertThat(s.getOption(jdk.net.ExtendedSocketOptions.TCP_KEEPINTERVAL)).isEqualTo(5);
                assertThat(s.getOption(jdk.net.ExtendedSocketOptions.TCP_KEEPCOUNT)).isEqualTo(3);
            }
        }
    }

    @Test
    void keepalivesZeroLeavesTheSocketFactoryOut() {
        assertThat(Connector.jdbcProperties(parse("keepalives=0")).getProperty("socketFactory")).isNull();
    }

    @Test
    void ignoredIntegerKeywordsAreStillValidated() {
        assertThat(failure("keepalives_idle=soon")).hasMessage(
                "invalid integer value \"soon\" for connection option \"keepalives_idle\"");
    }

    @Test
    void keepalivesZeroTurnsTcpKeepaliveOff() {
        assertThat(parse("keepalives=0").keepalives()).isFalse();
        assertThat(Connector.jdbcProperties(parse("keepalives=0")).getProperty("tcpKeepAlive")).isEqualTo("false");
    }

    @Test
    void connectTimeoutFollowsLibpq() {
        assertThat(parse("").connectTimeoutSeconds()).isEqualTo(ConnInfo.DEFAULT_CONNECT_TIMEOUT_SECONDS);
        assertThat(parse("connect_timeout=0").connectTimeoutSeconds()).isZero();
        assertThat(parse("connect_timeout=-3").connectTimeoutSeconds()).isZero();
        assertThat(parse("connect_timeout=1").connectTimeoutSeconds()).isEqualTo(2);
        assertThat(parse("connect_timeout=' 30 '").connectTimeoutSeconds()).isEqualTo(30);
        assertThat(failure("connect_timeout=10s")).hasMessage(
                "invalid integer value \"10s\" for connection option \"connect_timeout\"");
    }

    @Test
    void enumeratedValuesAreValidated() {
        assertThat(failure("sslmode=required")).hasMessage("invalid sslmode value: \"required\"");
        assertThat(failure("target_session_attrs=master")).hasMessage("invalid target_session_attrs value: \"master\"");
        assertThat(failure("channel_binding=maybe")).hasMessage("invalid channel_binding value: \"maybe\"");
        assertThat(failure("load_balance_hosts=yes")).hasMessage("invalid load_balance_hosts value: \"yes\"");
        assertThat(failure("gssencmode=allow")).hasMessage("invalid gssencmode value: \"allow\"");
    }

    @Test
    void tlsVersionKeywordsFollowLibpq() {
        assertThat(parse("ssl_min_protocol_version=TLSv1.2").warnings()).isEmpty();
        assertThat(parse("ssl_max_protocol_version=TLSv1.3").warnings()).singleElement().asString()
                .contains("ssl_max_protocol_version");
        assertThat(failure("ssl_min_protocol_version=TLSv1.3")).hasMessageContaining("not supported by pgshift");
        assertThat(failure("ssl_min_protocol_version=SSLv3")).hasMessage("invalid ssl_min_protocol_version value: \"SSLv3\"");
        assertThat(failure("ssl_min_protocol_version=TLSv1.2 ssl_max_protocol_version=TLSv1.1"))
                .hasMessage("invalid SSL protocol version range");
    }

    @Test
    void sslnegotiationDirectNeedsAnEncryptingSslmode() {
        assertThat(parse("sslnegotiation=direct sslmode=require").sslNegotiation()).contains("direct");
        assertThat(failure("sslnegotiation=direct")).hasMessageStartingWith("weak sslmode \"prefer\"");
    }

    @Test
    void fallbackApplicationNameIsUsedOnlyWithoutApplicationName() {
        assertThat(parse("").applicationName()).isEqualTo("pgshift");
        assertThat(parse("fallback_application_name=tool").applicationName()).isEqualTo("tool");
        assertThat(parse("fallback_application_name=tool application_name=app").applicationName()).isEqualTo("app");
    }

    @Test
    void serversOnLoopbackAreOnThisMachineAndANamedHostIsNot() {
        assertThat(parse("host=127.0.0.1 dbname=a").onThisMachine()).isTrue();
        assertThat(parse("host=localhost dbname=a").onThisMachine()).isTrue();
        assertThat(parse("host=db.example.com hostaddr=127.0.0.1 dbname=a").onThisMachine()).isTrue();
        assertThat(parse("host=db.example.com dbname=a").onThisMachine()).isFalse();
        assertThat(parse("host=localhost,db.example.com dbname=a").onThisMachine()).isFalse();
    }
}
