package io.pgshift.plan;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.pgshift.PgShiftException;
import io.pgshift.catalog.ObjectRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlannerTest {
    private static ObjectRef rel(long oid) {
        return ObjectRef.relation(oid);
    }

    private static Entry entry(long oid, String kind, Section section, ObjectRef... deps) {
        return new Entry(rel(oid), kind, kind + oid, section, List.of("-- " + oid), Set.of(deps), null);
    }

    @Test
    void dependenciesComeFirstWhateverTheInputOrder() {
        Entry view = entry(3, "VIEW", Section.PRE_DATA, rel(2));
        Entry otherView = entry(2, "VIEW", Section.PRE_DATA, rel(1));
        Entry table = entry(1, "TABLE", Section.PRE_DATA);

        Plan plan = Planner.order(List.of(view, otherView, table));

        assertThat(plan.entries()).containsExactly(table, otherView, view);
    }

    @Test
    void sectionsKeepTheirOrder() {
        Entry index = entry(5, "INDEX", Section.POST_DATA, rel(1));
        Entry table = entry(1, "TABLE", Section.PRE_DATA);
        Entry otherTable = entry(2, "TABLE", Section.PRE_DATA);

        Plan plan = Planner.order(List.of(index, table, otherTable));

        assertThat(plan.entries()).containsExactly(table, otherTable, index);
    }

    @Test
    void aPreDataEntryThatNeedsAPostDataOneMovesToPostData() {
        Entry table = entry(1, "TABLE", Section.PRE_DATA);
        Entry primaryKey = entry(2, "PRIMARY KEY", Section.POST_DATA, rel(1));
        Entry groupingView = entry(3, "VIEW", Section.PRE_DATA, rel(2));

        Plan plan = Planner.order(List.of(table, primaryKey, groupingView));

        assertThat(plan.section(Section.POST_DATA)).extracting(Entry::kind).containsExactly("PRIMARY KEY", "VIEW");
    }

    @Test
    void aCycleIsReportedByName() {
        Entry a = entry(1, "VIEW", Section.PRE_DATA, rel(2));
        Entry b = entry(2, "VIEW", Section.PRE_DATA, rel(1));

        assertThatThrownBy(() -> Planner.order(List.of(a, b)))
                .isInstanceOf(PgShiftException.class)
                .hasMessageContaining("circular dependency").hasMessageContaining("VIEW1");
    }
}
