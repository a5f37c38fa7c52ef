package io.pgshift.check;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.pgshift.catalog.ServerVersion;
import io.pgshift.connect.ConnInfo;

import static org.assertj.core.api.Assertions.assertThat;

class ServerChecksTest {
    private static final ConnInfo SOURCE = ConnInfo.parse("host=old.example port=5432 user=admin password=x dbname=app");
    private static final ConnInfo TARGET = ConnInfo.parse("host=new.example port=5432 user=admin password=x dbname=app");

    private static ServerFacts server(int version, String identifier, String started) {
        return new ServerFacts(new ServerVersion(version), new ServerVersion(version).major(), "admin", true, true, true,
                false, null, identifier, started, false, true, Map.of());
    }

    private static List<String> codes(List<Finding> findings, Severity severity) {
        return findings.stream().filter(f -> f.severity() == severity).map(Finding::code).toList();
    }

    @Test
    void anOlderTargetIsAnErrorAndTheSameMajorAWarning() {
        assertThat(codes(ServerChecks.connectivity(SOURCE, server(120022, "1", "a"), TARGET, server(110022, "2", "b")),
                Severity.ERROR)).containsExactly("PGS-TARGET-OLDER");
        assertThat(codes(ServerChecks.connectivity(SOURCE, server(170002, "1", "a"), TARGET, server(170005, "2", "b")),
                Severity.WARNING)).containsExactly("PGS-TARGET-SAME-MAJOR");
        assertThat(codes(ServerChecks.connectivity(SOURCE, server(90624, "1", "a"), TARGET, server(100023, "2", "b")),
                Severity.ERROR)).isEmpty();
    }

    @Test
    void theSameStartTimeVersionAndIdentifierIsTheSameServerUnderAnotherName() {
        assertThat(ServerChecks.sameServer(SOURCE, server(120022, "42", "t0"), TARGET, server(120022, "42", "t0")))
                .isTrue();
        assertThat(ServerChecks.sameServer(SOURCE, server(120022, null, "t0"), TARGET, server(120022, "42", "t0")))
                .isTrue();
    }

    @Test
    void aCloneWithTheSourcesIdentifierIsAnotherServer() {
        assertThat(ServerChecks.sameServer(SOURCE, server(120022, "42", "t0"), TARGET, server(120022, "42", "t1")))
                .isFalse();
    }

    @Test
    void theSameHostAndPortIsTheSameServer() {
        ConnInfo otherDatabase = ConnInfo.parse("host=old.example port=5432 user=admin password=x dbname=other");
        assertThat(ServerChecks.sameServer(SOURCE, server(120022, "1", "a"), otherDatabase, server(170005, "2", "b")))
                .isTrue();
    }

    @Test
    void aTargetUserWithoutCreatedbOrCreateroleIsToldWhatToGrant() {
        ServerFacts limited = new ServerFacts(new ServerVersion(170005), "17.5", "app", false, false, false, true,
                "TLSv1.3", null, "t", false, false, Map.of("azure_pg_admin", false));

        List<Finding> findings = ServerChecks.targetPrivileges(limited, true);

        assertThat(findings).extracting(Finding::code).containsExactly("PGS-TARGET-NO-CREATEDB",
                "PGS-TARGET-NO-CREATEROLE", "PGS-TARGET-PROVIDER-ADMIN");
        assertThat(findings.get(0).fix()).contains("ALTER ROLE app CREATEDB");
        assertThat(findings.get(2).severity()).isEqualTo(Severity.WARNING);
        assertThat(ServerChecks.targetPrivileges(limited, false)).extracting(Finding::code)
                .doesNotContain("PGS-TARGET-NO-CREATEDB");
    }

    @Test
    void connectionDescriptionsNeverHoldThePassword() {
        assertThat(ServerChecks.connectivity(SOURCE, server(120022, "1", "a"), TARGET, server(170005, "2", "b")))
                .allSatisfy(f -> assertThat(f.message()).doesNotContain("password=x"));
    }
}
