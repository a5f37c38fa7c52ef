package io.pgshift.run;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.pgshift.ErrorCode;
import io.pgshift.PgShiftException;
import io.pgshift.object.ObjectRef;
import io.pgshift.plan.Entry;
import io.pgshift.object.Section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
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
    void aTableKeepsItsSchemaDefinitionAndRowsInEverySchemaButNotItsIndexes() {
        assertThat(names(new RestoreSelection(List.of(), List.of("orders"), null)))
                .containsExactly("SCHEMA sales", "TABLE sales.orders", "TABLE public.orders", "TABLE DATA sales.orders");
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

    @Test
    void aSchemaQualifiedTableNamesTheTableOfThatSchemaOnly() {
        assertThat(names(new RestoreSelection(List.of(), List.of("public.orders"), null)))
                .containsExactly("TABLE public.orders");
    }

    @Test
    void aTableKeepsTheSequencesItsColumnsNeedWithTheirPositions() {
        Entry sequence = entry(7, "SEQUENCE", "sales.orders_id_seq", Section.PRE_DATA);
        Entry table = new Entry(ObjectRef.of("pg_class", 3), Kind.TABLE, "sales.orders", Section.PRE_DATA, List.of(),
                Set.of(sequence.ref()), null);
        Entry position = new Entry(ObjectRef.dataOf(7), Kind.SEQUENCE_SET, "sales.orders_id_seq", Section.DATA,
                List.of(), Set.of(sequence.ref()), null);
        Entry other = entry(8, "SEQUENCE", "sales.other_seq", Section.PRE_DATA);

        List<Entry> chosen = new RestoreSelection(List.of("sales"), List.of("orders"), null)
                .select(List.of(sequence, table, position, other));

        assertThat(chosen).containsExactly(sequence, table, position);
        assertThat(chosen).doesNotContain(other);
    }

    @Test
    void aTableOrSchemaThatMatchesNothingIsRefusedBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> new RestoreSelection(List.of("nosuch"), List.of("orderz"), null).select(DUMP))
                .isInstanceOfSatisfying(PgShiftException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.USAGE))
                .hasMessage("-t orderz matches no table, view or sequence; -n nosuch matches no schema of the dump; "
                        + "nothing was written");
    }

    private static List<String> names(RestoreSelection selection) {
        return selection.select(DUMP).stream().map(Entry::toString).toList();
    }

    private static Entry entry(long oid, String kind, String name, Section section) {
        return new Entry(ObjectRef.of("pg_class", oid), Kind.of(kind), name, section, List.of(), Set.of(), null);
    }
}
