package io.pgshift.catalog;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.ddl.DdlOptions;
import io.pgshift.ddl.DdlWriter;
import io.pgshift.plan.Entry;
import io.pgshift.plan.Plan;
import io.pgshift.plan.Planner;
import io.pgshift.object.Section;

import static org.assertj.core.api.Assertions.assertThat;
import io.pgshift.object.ObjectRef;
import io.pgshift.object.Kind;

/** Where triggers, event triggers and materialized views land in the plan, written and ordered. */
class RelationExtrasOrderTest {
    private static final long SCHEMA = 2200;
    private static final long TABLE = 20000;
    private static final long FUNCTION = 20001;
    private static final long TRIGGER = 20002;
    private static final long MATVIEW = 20010;
    private static final long VIEW = 20011;
    private static final long MATVIEW_OVER_VIEW = 20012;
    private static final long EMPTY_MATVIEW = 20013;

    private final List<ObjectDef> objects = new ArrayList<>();
    private final List<View> views = new ArrayList<>();
    private final List<Dependency> dependencies = new ArrayList<>();

    @Test
    void aTriggerIsCreatedAfterItsTableIsLoadedEvenIfItsFunctionExistsBefore() {
        ObjectDef function = ObjectDef.of(ObjectRef.of("pg_proc", FUNCTION), Kind.FUNCTION, "public", "public.f()",
                "FUNCTION public.f()", Section.PRE_DATA, List.of("CREATE FUNCTION public.f() ..."));
        objects.add(function);
        objects.add(TriggerSource.trigger(TRIGGER, TABLE, "public", "t", "tr", List.of("CREATE TRIGGER tr ...")));
        dependencies.add(new Dependency(ObjectRef.of("pg_trigger", TRIGGER), function.ref()));

        List<Entry> plan = plan().entries();

        Entry trigger = find(plan, "TRIGGER");
        assertThat(trigger.section()).isEqualTo(Section.POST_DATA);
        assertThat(trigger.dependsOn()).contains(ObjectRef.dataOf(TABLE), function.ref());
        assertThat(plan.indexOf(trigger)).isGreaterThan(plan.indexOf(find(plan, "TABLE DATA")));
    }

    @Test
    void eventTriggersWaitForEveryOtherEntry() {
        objects.add(ObjectDef.of(ObjectRef.of("pg_event_trigger", 30000), Kind.EVENT_TRIGGER, null, "et",
                "EVENT TRIGGER et", Section.POST_DATA, List.of("CREATE EVENT TRIGGER et ...")));
        objects.add(TriggerSource.trigger(TRIGGER, TABLE, "public", "t", "tr", List.of("CREATE TRIGGER tr ...")));
        views.add(matview(MATVIEW, "mv", true));
        dependencies.add(new Dependency(ObjectRef.relation(MATVIEW), ObjectRef.relation(TABLE)));

        Plan plan = plan();

        Entry eventTrigger = find(plan.entries(), "EVENT TRIGGER");
        assertThat(plan.entries().get(plan.entries().size() - 1)).isEqualTo(eventTrigger);
        assertThat(eventTrigger.dependsOn()).contains(ObjectRef.of("pg_trigger", TRIGGER), ObjectRef.dataOf(MATVIEW),
                ObjectRef.relation(TABLE), ObjectRef.dataOf(TABLE));
    }

    @Test
    void aMaterializedViewIsCreatedEmptyAndRefreshedAfterWhatItReadsThroughViews() {
        views.add(matview(MATVIEW, "mv", true));
        views.add(new View(VIEW, "public", "v", "owner", " SELECT 1;", null, null, null, null, false, false, null,
                null, List.of()));
        views.add(matview(MATVIEW_OVER_VIEW, "mv2", true));
        dependencies.add(new Dependency(ObjectRef.relation(MATVIEW), ObjectRef.relation(TABLE)));
        dependencies.add(new Dependency(ObjectRef.relation(VIEW), ObjectRef.relation(MATVIEW)));
        dependencies.add(new Dependency(ObjectRef.relation(MATVIEW_OVER_VIEW), ObjectRef.relation(VIEW)));

        List<Entry> plan = plan().entries();

        Entry create = plan.stream().filter(e -> e.ref().equals(ObjectRef.relation(MATVIEW_OVER_VIEW))).findFirst()
                .orElseThrow();
        assertThat(create.section()).isEqualTo(Section.PRE_DATA);
        assertThat(create.sql().get(0)).endsWith("WITH NO DATA");
        Entry refresh = plan.stream().filter(e -> e.ref().equals(ObjectRef.dataOf(MATVIEW_OVER_VIEW))).findFirst()
                .orElseThrow();
        assertThat(refresh.section()).isEqualTo(Section.POST_DATA);
        assertThat(refresh.sql()).singleElement().asString().contains("REFRESH MATERIALIZED VIEW public.mv2;")
                .contains("set_config('TimeZone', (SELECT s.reset_val");
        assertThat(refresh.dependsOn()).contains(ObjectRef.dataOf(MATVIEW));
        Entry firstRefresh = plan.stream().filter(e -> e.ref().equals(ObjectRef.dataOf(MATVIEW))).findFirst()
                .orElseThrow();
        assertThat(firstRefresh.dependsOn()).contains(ObjectRef.dataOf(TABLE));
        assertThat(plan.indexOf(refresh)).isGreaterThan(plan.indexOf(firstRefresh));
    }

    @Test
    void aMaterializedViewThatWasNeverPopulatedIsNotRefreshed() {
        views.add(matview(EMPTY_MATVIEW, "never", false));

        List<Entry> plan = plan().entries();

        assertThat(plan).extracting(Entry::ref).contains(ObjectRef.relation(EMPTY_MATVIEW))
                .doesNotContain(ObjectRef.dataOf(EMPTY_MATVIEW));
    }

    private static View matview(long oid, String name, boolean populated) {
        return new View(oid, "public", name, "owner", " SELECT 1;", null, null, null, null, true, populated, null,
                "heap", List.of());
    }

    private Plan plan() {
        Table table = new Table(TABLE, "public", "t", "owner", 'p', List.of(), 0, 0, null, null, TableLayout.PLAIN);
        Catalog catalog = new Catalog(new ServerVersion(150000), new DatabaseInfo(0, "db", "owner", "UTF8", "C", "C", 'c', null, null, false, -1, List.of(), null, null),
                List.of(new Schema(SCHEMA, "public", "owner", null, null)), List.of(table), List.of(), views,
                List.of(), List.of(), objects, dependencies);
        return Planner.order(new DdlWriter(catalog, DdlOptions.DEFAULTS).entries());
    }

    private static Entry find(List<Entry> entries, String kind) {
        return entries.stream().filter(e -> e.kind() == Kind.of(kind)).findFirst().orElseThrow();
    }
}
