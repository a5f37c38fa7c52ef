package io.pgshift.settings;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SettingValuesTest {
    private static Parameter p(String name, String setting, String unit, String vartype) {
        return new Parameter(name, setting, setting, unit, vartype, "user", "configuration file", true);
    }

    @Test
    void aMemoryValueWithItsOwnUnitEqualsTheSameAmountCountedInThe8kBUnit() {
        Parameter sharedBuffers = p("shared_buffers", "16384", "8kB", "integer");

        assertThat(SettingValues.same("128MB", sharedBuffers)).isTrue();
        assertThat(SettingValues.same("131072kB", sharedBuffers)).isTrue();
        assertThat(SettingValues.same("256MB", sharedBuffers)).isFalse();
    }

    @Test
    void theSameAmountInTwoServersUnitsIsTheSame() {
        // max_wal_size counted 16MB segments up to 10 and megabytes from 11.
        assertThat(SettingValues.same(p("max_wal_size", "64", "16MB", "integer"),
                p("max_wal_size", "1024", "MB", "integer"))).isTrue();
        assertThat(SettingValues.same(p("work_mem", "4096", "kB", "integer"),
                p("work_mem", "4", "MB", "integer"))).isTrue();
    }

    @Test
    void sixtySecondsIsOneMinuteAndAnIntegerMillisecondEqualsARealOne() {
        Parameter timeout = p("checkpoint_timeout", "60", "s", "integer");

        assertThat(SettingValues.same("1min", timeout)).isTrue();
        assertThat(SettingValues.same("60000ms", timeout)).isTrue();
        assertThat(SettingValues.same("2min", timeout)).isFalse();
        // vacuum_cost_delay was an integer before 12 and a real from 12, both in milliseconds.
        assertThat(SettingValues.same(p("vacuum_cost_delay", "20", "ms", "integer"),
                p("vacuum_cost_delay", "20", "ms", "real"))).isTrue();
    }

    @Test
    void minusOneMeansDisabledWhateverTheUnit() {
        assertThat(SettingValues.same(p("log_min_duration_statement", "-1", "ms", "integer"),
                p("log_min_duration_statement", "-1", "s", "integer"))).isTrue();
        assertThat(SettingValues.same(p("log_min_duration_statement", "-1", "ms", "integer"),
                p("log_min_duration_statement", "0", "ms", "integer"))).isFalse();
    }

    @Test
    void realsCompareAsNumbers() {
        Parameter target = p("checkpoint_completion_target", "0.9", null, "real");

        assertThat(SettingValues.same("0.90", target)).isTrue();
        assertThat(SettingValues.same("9e-1", target)).isTrue();
        assertThat(SettingValues.same("0.5", target)).isFalse();
    }

    @Test
    void everySpellingOfABooleanTheServerAcceptsIsOnOrOff() {
        Parameter on = p("jit", "on", null, "bool");
        Parameter off = p("jit", "off", null, "bool");

        assertThat(SettingValues.same("true", on)).isTrue();
        assertThat(SettingValues.same("yes", on)).isTrue();
        assertThat(SettingValues.same("1", on)).isTrue();
        assertThat(SettingValues.same("TRUE", on)).isTrue();
        assertThat(SettingValues.same("false", off)).isTrue();
        assertThat(SettingValues.same("no", off)).isTrue();
        assertThat(SettingValues.same("0", off)).isTrue();
        assertThat(SettingValues.same("on", off)).isFalse();
    }

    @Test
    void anEnumsCaseDoesNotCount() {
        Parameter level = p("wal_level", "replica", null, "enum");

        assertThat(SettingValues.same("Replica", level)).isTrue();
        assertThat(SettingValues.same("logical", level)).isFalse();
    }

    @Test
    void anEnumsOnAndOffAreSpelledAsABooleansAndABooleanThatBecameAnEnumStillCompares() {
        assertThat(SettingValues.same("true", p("synchronous_commit", "on", null, "enum"))).isTrue();
        assertThat(SettingValues.same("local", p("synchronous_commit", "on", null, "enum"))).isFalse();
        assertThat(SettingValues.same(p("wal_compression", "on", null, "bool"),
                p("wal_compression", "on", null, "enum"))).isTrue();
    }

    @Test
    void aListsSpacesAndQuotesDoNotCountButItsOrderAndOtherStringsDo() {
        Parameter libraries = p("shared_preload_libraries", "pg_stat_statements,auto_explain", null, "string");

        assertThat(SettingValues.same("pg_stat_statements, auto_explain", libraries)).isTrue();
        assertThat(SettingValues.same("\"pg_stat_statements\" ,  auto_explain", libraries)).isTrue();
        assertThat(SettingValues.same("auto_explain, pg_stat_statements", libraries)).isFalse();
        assertThat(SettingValues.same("ISO,MDY", p("DateStyle", "ISO, MDY", null, "string"))).isTrue();
        // Not a list: a space is part of the value.
        assertThat(SettingValues.same("a,b", p("application_name", "a, b", null, "string"))).isFalse();
    }

    @Test
    void aListIsSplitAtCommasOutsideDoubleQuotes() {
        assertThat(SettingValues.elements("\"$user\", public")).containsExactly("$user", "public");
        assertThat(SettingValues.elements("\"a,b\", c")).containsExactly("a,b", "c");
        assertThat(SettingValues.elements("")).isEmpty();
    }
}
