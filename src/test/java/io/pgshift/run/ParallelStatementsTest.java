package io.pgshift.run;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.pgshift.object.ObjectRef;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;

import static org.assertj.core.api.Assertions.assertThat;
import io.pgshift.object.Kind;

class ParallelStatementsTest {
    private static Entry entry(long oid, String kind, long... deps) {
        Set<ObjectRef> dependsOn = java.util.Arrays.stream(deps).mapToObj(ObjectRef::relation)
                .collect(java.util.stream.Collectors.toSet());
        return new Entry(ObjectRef.relation(oid), Kind.of(kind), kind + oid, Section.PRE_DATA, List.of("-- " + oid), dependsOn,
                null);
    }

    @Test
    void independentTablesShareOneSegment() {
        List<Entry> tables = List.of(entry(1, "TABLE"), entry(2, "TABLE"), entry(3, "TABLE"));

        assertThat(ParallelStatements.segments(tables)).containsExactly(tables);
    }

    @Test
    void anEntryThatNeedsAnotherOfTheSegmentStartsTheNextOne() {
        Entry table = entry(1, "TABLE");
        Entry otherTable = entry(2, "TABLE");
        Entry view = entry(3, "VIEW", 1);
        Entry otherView = entry(4, "VIEW", 2);

        assertThat(ParallelStatements.segments(List.of(table, otherTable, view, otherView)))
                .containsExactly(List.of(table, otherTable), List.of(view, otherView));
    }

    @Test
    void entriesOfOtherKindsRunAloneAndInOrder() {
        Entry schema = entry(1, "SCHEMA");
        Entry table = entry(2, "TABLE");
        Entry extension = entry(3, "EXTENSION");
        Entry otherTable = entry(4, "TABLE");

        assertThat(ParallelStatements.segments(List.of(schema, table, extension, otherTable)))
                .containsExactly(List.of(schema), List.of(table), List.of(extension), List.of(otherTable));
    }

    @Test
    void twoEntriesOfTheSameObjectNeverShareASegment() {
        Entry table = entry(1, "TABLE");
        Entry sameTableAgain = entry(1, "TABLE");

        assertThat(ParallelStatements.segments(List.of(table, sameTableAgain)))
                .containsExactly(List.of(table), List.of(sameTableAgain));
    }

    @Test
    void batchesShrinkTowardsTheEndOfASegmentAndCoverItOnceInOrder() {
        List<Entry> segment = java.util.stream.LongStream.rangeClosed(1, 1000).mapToObj(i -> entry(i, "TABLE")).toList();
        ParallelStatements.Batches batches = new ParallelStatements.Batches(segment, 2);

        List<List<Entry>> handedOut = new java.util.ArrayList<>();
        for (List<Entry> b = batches.next(); b != null; b = batches.next()) {
            handedOut.add(b);
        }

        assertThat(handedOut.stream().flatMap(List::stream).toList()).isEqualTo(segment);
        assertThat(handedOut.get(0)).hasSize(100);
        assertThat(handedOut.get(handedOut.size() - 1).size()).isLessThanOrEqualTo(10);
        assertThat(handedOut).allSatisfy(b -> assertThat(b.size()).isBetween(1, 100));
    }
}
