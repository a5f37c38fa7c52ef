package io.pgshift.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyword values given one by one (a command line's -h, -p, -U, -d) over a connection string and the environment. */
class ConnInfoOverridesTest {
    @TempDir
    Path home;

    private Environment env(String... keyValues) {
        Map<String, String> vars = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            vars.put(keyValues[i], keyValues[i + 1]);
        }
        return Environment.of(vars, home, "osuser");
    }

    @Test
    void overridesReplaceTheStringsValuesAndTheStringKeepsTheRest() {
        ConnInfo c = ConnInfo.parse("host=a port=1 user=u dbname=d sslmode=require",
                Map.of("host", "b", "port", "2"), env());

        assertThat(c.describe()).isEqualTo("u@b:2/d?sslmode=require");
    }

    @Test
    void overridesReplaceTheEnvironmentToo() {
        ConnInfo c = ConnInfo.parse(null, Map.of("user", "flag"), env("PGUSER", "env", "PGHOST", "envhost"));

        assertThat(c.user()).isEqualTo("flag");
        assertThat(c.host().host()).isEqualTo("envhost");
    }

    @Test
    void anEmptyOverrideReplacesNothingAsInLibpq() {
        ConnInfo c = ConnInfo.parse("host=a", Map.of("host", ""), env());

        assertThat(c.host().host()).isEqualTo("a");
    }

    @Test
    void aDatabaseOverrideNamesADatabase() {
        ConnInfo c = ConnInfo.parse("host=a", Map.of("dbname", "app"), env());

        assertThat(c.namesDatabase()).isTrue();
        assertThat(c.withDatabase("other").host().host()).isEqualTo("a");
    }

    @Test
    void aPasswordCannotBeGivenAsAnOverride() {
        assertThatThrownBy(() -> ConnInfo.parse("", Map.of("password", "x"), env()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("x\"");
        assertThatThrownBy(() -> ConnInfo.parse("", Map.of("hots", "a"), env()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void onlyAPasswordWrittenInTheStringCountsAsInTheString() {
        assertThat(ConnInfo.parse("host=a password=secret", Map.of(), env()).passwordInConnectionString()).isTrue();
        assertThat(ConnInfo.parse("postgresql://u:secret@a/d", Map.of(), env()).passwordInConnectionString()).isTrue();
        assertThat(ConnInfo.parse("host=a", Map.of(), env("PGPASSWORD", "secret")).passwordInConnectionString())
                .isFalse();
        assertThat(ConnInfo.parse("host=a password=", Map.of(), env()).passwordInConnectionString()).isFalse();
    }

    @Test
    void aDatabaseNameWithAnEqualsSignOrAUriPrefixIsAConnectionString() {
        assertThat(ConnInfo.isConnectionString("host=a dbname=b")).isTrue();
        assertThat(ConnInfo.isConnectionString("postgresql://a/b")).isTrue();
        assertThat(ConnInfo.isConnectionString("postgres://a/b")).isTrue();
        assertThat(ConnInfo.isConnectionString("app")).isFalse();
        assertThat(ConnInfo.isConnectionString(null)).isFalse();
    }
}
