package io.pgshift.analyze;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AnalyzeQueueTest {
    private static final long MB = 1L << 20;

    private static AnalyzeTable table(String db, String name, long bytes) {
        return new AnalyzeTable(db, "public", name, bytes);
    }

    @Test
    void largeTablesGoStrictlyLargestFirstWhateverTheDatabase() {
        AnalyzeQueue queue = new AnalyzeQueue(List.of(table("a", "a1", 100 * MB), table("b", "b1", 300 * MB),
                table("a", "a2", 200 * MB)));

        assertThat(queue.next(null).name()).isEqualTo("b1");
        assertThat(queue.next("b").name()).isEqualTo("a2");
        assertThat(queue.next("a").name()).isEqualTo("a1");
        assertThat(queue.next("a")).isNull();
    }

    @Test
    void smallTablesAreTakenFromTheDatabaseTheSessionIsIn() {
        AnalyzeQueue queue = new AnalyzeQueue(List.of(table("a", "a1", MB), table("a", "a2", 2 * MB),
                table("b", "b1", 3 * MB)));

        assertThat(queue.next("a").name()).isEqualTo("a2");
        assertThat(queue.next("a").name()).isEqualTo("a1");
        assertThat(queue.next("a").name()).isEqualTo("b1");
    }

    @Test
    void everyTableIsHandedOutExactlyOnce() {
        List<AnalyzeTable> tables = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            tables.add(table(i % 3 == 0 ? "a" : "b", "t" + i, i * MB / 2));
        }
        AnalyzeQueue queue = new AnalyzeQueue(tables);
        List<AnalyzeTable> taken = new ArrayList<>();
        String current = null;
        for (AnalyzeTable t = queue.next(current); t != null; t = queue.next(current)) {
            taken.add(t);
            current = t.database();
        }

        assertThat(taken).containsExactlyInAnyOrderElementsOf(tables);
    }
}
