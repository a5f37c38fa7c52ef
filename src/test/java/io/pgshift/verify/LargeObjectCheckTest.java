package io.pgshift.verify;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LargeObjectCheckTest {
    private static final String OWNED_BY_APP = "SELECT pg_catalog.lo_create('1');\nALTER LARGE OBJECT 1 OWNER TO app";

    @Test
    void eachLargeObjectIsReportedOnceWithEverythingThatDiffers() {
        LargeObjectCheck check = LargeObjectCheck.compare(
                Map.of(1L, OWNED_BY_APP, 2L, "two", 3L, "three"),
                Map.of(1L, new LargeObjectContent(5, "aa"), 2L, new LargeObjectContent(3, "bb"),
                        3L, new LargeObjectContent(4, "cc")),
                Map.of(1L, OWNED_BY_APP.replace(" app", " admin"), 3L, "three", 4L, "four"),
                Map.of(1L, new LargeObjectContent(6, "ab"), 3L, new LargeObjectContent(4, "cc"),
                        4L, new LargeObjectContent(0, "dd")));

        assertThat(check.sourceCount()).isEqualTo(3);
        assertThat(check.targetCount()).isEqualTo(3);
        assertThat(check.sourceBytes()).isEqualTo(12);
        assertThat(check.differences()).extracting(LargeObjectDifference::oid, LargeObjectDifference::problem)
                .containsExactly(
                        tuple(1L, "owner, comment or privileges differ; contents differ "
                                + "(5 bytes on the source, 6 on the target)"),
                        tuple(2L, "missing on the target"),
                        tuple(4L, "only on the target"));
        assertThat(check.differences().get(0).describe()).contains("OWNER TO app").contains("OWNER TO admin");
    }

    @Test
    void equalLargeObjectsMatch() {
        Map<Long, String> definitions = Map.of(7L, "seven");
        Map<Long, LargeObjectContent> contents = Map.of(7L, new LargeObjectContent(9, "ee"));

        assertThat(LargeObjectCheck.compare(definitions, contents, definitions, contents))
                .isEqualTo(new LargeObjectCheck(1, 1, 9, List.of()));
    }
}
