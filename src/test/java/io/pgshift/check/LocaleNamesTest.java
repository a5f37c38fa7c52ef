package io.pgshift.check;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocaleNamesTest {
    @Test
    void theCodesetIsComparedTheWayTheCLibraryReadsIt() {
        assertThat(LocaleNames.normalise("en_US.UTF-8")).isEqualTo(LocaleNames.normalise("en_US.utf8"));
        assertThat(LocaleNames.normalise("de_DE.ISO-8859-1")).isEqualTo(LocaleNames.normalise("de_DE.iso88591"));
    }

    @Test
    void theLanguageAndTerritoryAndModifierStayDistinct() {
        assertThat(LocaleNames.normalise("en_US.UTF-8")).isNotEqualTo(LocaleNames.normalise("en_GB.UTF-8"));
        assertThat(LocaleNames.normalise("sr_RS.UTF-8@latin")).isEqualTo("sr_rs.utf8@latin");
        assertThat(LocaleNames.normalise("C")).isEqualTo("c");
    }

    @Test
    void cAndPosixExistEverywhere() {
        assertThat(LocaleNames.isBuiltIn("C")).isTrue();
        assertThat(LocaleNames.isBuiltIn("POSIX")).isTrue();
        assertThat(LocaleNames.isBuiltIn("C.UTF-8")).isFalse();
    }
}
