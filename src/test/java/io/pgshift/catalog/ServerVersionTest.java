package io.pgshift.catalog;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServerVersionTest {

    @Test
    void majorFollowsTheTwoNumberingSchemes() {
        assertThat(new ServerVersion(90624).major()).isEqualTo("9.6");
        assertThat(new ServerVersion(120022).major()).isEqualTo("12");
        assertThat(new ServerVersion(180001).major()).isEqualTo("18");
    }

    @Test
    void majorNumbersCompareAcrossTheSchemes() {
        assertThat(new ServerVersion(90624).majorNumber()).isLessThan(new ServerVersion(100001).majorNumber());
        assertThat(new ServerVersion(170005).majorNumber()).isEqualTo(new ServerVersion(170000).majorNumber());
    }

    @Test
    void atLeastComparesWithTheMajor() {
        assertThat(new ServerVersion(90624).atLeast(10)).isFalse();
        assertThat(new ServerVersion(100000).atLeast(10)).isTrue();
    }

    @Test
    void aMajorVersionAsWrittenComparesAsTheServersOwn() {
        assertThat(ServerVersion.majorNumberOf("9.6")).isEqualTo(new ServerVersion(90624).majorNumber());
        assertThat(ServerVersion.majorNumberOf("17")).isEqualTo(new ServerVersion(170005).majorNumber());
    }
}
