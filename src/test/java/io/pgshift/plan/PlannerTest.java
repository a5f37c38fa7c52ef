package io.pgshift.plan;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.object.ObjectRef;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import io.pgshift.object.Section;
import io.pgshift.object.Kind;

class PlannerTest {
    private static ObjectRef rel(long oid) {
        return ObjectRef.relation(oid);
    }

    private static Entry entry(long oid, String kind, Section section, ObjectRef... deps) {
        return new Entry(rel(oid), Kind.of(kind), kind + oid, section, List.of("-- " + oid), Set.of(deps), null);
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

        assertThat(plan.section(Section.POST_DATA)).extracting(e -> e.kind().label()).containsExactly("PRIMARY KEY", "VIEW");
    }

    @Test
    void aLoopThatNoSplitBreaksIsReportedByItsObjectsOnly() {
        Entry a = entry(1, "VIEW", Section.PRE_DATA, rel(2));
        Entry b = entry(2, "VIEW", Section.PRE_DATA, rel(1));
        Entry waiting = entry(3, "VIEW", Section.PRE_DATA, rel(2));

        assertThatThrownBy(() -> Planner.order(List.of(a, b, waiting)))
                .isInstanceOf(PgShiftException.class)
                .hasMessageContaining("loop: VIEW VIEW1, VIEW VIEW2;")
                .hasMessageNotContaining("VIEW3")
                .extracting(e -> ((PgShiftException) e).code()).isEqualTo(ErrorCode.DEPENDENCY_LOOP);
    }

    @Test
    void anObjectThatNeedsItselfIsALoopOfOne() {
        Entry view = entry(1, "VIEW", Section.PRE_DATA, rel(1));

        assertThatThrownBy(() -> Planner.order(List.of(view)))
                .isInstanceOf(PgShiftException.class)
                .hasMessageContaining("VIEW VIEW1 depends on itself");
    }

    @Test
    void aLoopIsBrokenBySplittingTheEntryThatCanBeCreatedInTwoSteps() {
        ObjectRef function = ObjectRef.of("pg_proc", 2);
        ObjectRef check = ObjectRef.constraint(3);
        Entry checkLater = new Entry(check, Kind.CHECK_CONSTRAINT, "t.check", Section.POST_DATA,
                List.of("ALTER TABLE t ADD CHECK (f(t))"), Set.of(rel(1), function), rel(1));
        Entry table = entry(1, "TABLE", Section.PRE_DATA, function)
                .withSplit(new Split(List.of("CREATE TABLE t ()"), Set.of(), List.of(checkLater)));
        Entry takesTheRowType = new Entry(function, Kind.FUNCTION, "f", Section.PRE_DATA, List.of("CREATE FUNCTION f"),
                Set.of(rel(1)), null);

        Plan plan = Planner.order(List.of(table, takesTheRowType));

        assertThat(plan.entries()).extracting(e -> e.kind().label()).containsExactly("TABLE", "FUNCTION", "CHECK CONSTRAINT");
        assertThat(plan.entries().get(0).sql()).containsExactly("CREATE TABLE t ()");
        assertThat(plan.entries()).allMatch(e -> e.split() == null);
    }

    @Test
    void anEntryOutsideAnyLoopIsNeverSplit() {
        Entry table = entry(1, "TABLE", Section.PRE_DATA)
                .withSplit(new Split(List.of("CREATE TABLE t ()"), Set.of(), List.of()));

        Plan plan = Planner.order(List.of(table));

        assertThat(plan.entries()).extracting(Entry::sql).containsExactly(List.of("-- 1"));
    }
}
