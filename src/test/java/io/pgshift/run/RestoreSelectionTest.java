package io.pgshift.run;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.pgshift.object.ObjectRef;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;

import static org.assertj.core.api.Assertions.assertThat;
import io.pgshift.object.Kind;

class RestoreSelectionTest {
    private static final List<Entry> DUMP = List.of(entry(1, "SCHEMA", "sales", Section.PRE_DATA),
            entry(2, "EXTENSION", "hstore", Section.PRE_DATA), entry(3, "TABLE", "sales.orders", Section.PRE_DATA),
            entry(4, "TABLE", "public.orders", Section.PRE_DATA), entry(5, "TABLE DATA", "sales.orders", Section.DATA),
            entry(6, "INDEX", "sales.orders_idx", Section.POST_DATA));

    @Test
    void aSchemaKeepsItsObjectsAndItselfButNotObjectsOutsideSchemas() {
        assertThat(names(new RestoreSelection(List.of("sales"), List.of(), null)))
                .containsExactly("SCHEMA sales", "TABLE sales.orders", "TABLE DATA sales.orders", "INDEX sales.orders_idx");
    }

    @Test
    void aTableKeepsItsDefinitionAndRowsInEverySchemaButNotItsIndexes() {
        assertThat(names(new RestoreSelection(List.of(), List.of("orders"), null)))
                .containsExactly("TABLE sales.orders", "TABLE public.orders", "TABLE DATA sales.orders");
    }

    @Test
    void aTableAndASchemaTogetherKeepTheTableOfThatSchemaOnly() {
        assertThat(names(new RestoreSelection(List.of("public"), List.of("orders"), null)))
                .containsExactly("TABLE public.orders");
    }

    @Test
    void aListKeepsTheEntriesAtItsPositions() {
        assertThat(names(new RestoreSelection(List.of(), List.of(), Set.of(2, 5))))
                .containsExactly("EXTENSION hstore", "TABLE DATA sales.orders");
    }

    private static List<String> names(RestoreSelection selection) {
        return selection.select(DUMP).stream().map(Entry::toString).toList();
    }

    private static Entry entry(long oid, String kind, String name, Section section) {
        return new Entry(ObjectRef.of("pg_class", oid), Kind.of(kind), name, section, List.of(), Set.of(), null);
    }
}
