package io.pgshift.ddl;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.Column;
import io.pgshift.catalog.Constraint;
import io.pgshift.catalog.DatabaseInfo;
import io.pgshift.catalog.IndexDetails;
import io.pgshift.object.ObjectRef;
import io.pgshift.catalog.Schema;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.Table;
import io.pgshift.catalog.TableLayout;
import io.pgshift.plan.Entry;
import io.pgshift.object.Kind;

import static org.assertj.core.api.Assertions.assertThat;

class TableWriterTest {
    private static final long PARENT = 100;
    private static final long CHILD = 101;

    private static Column column(int number, String name, boolean local, String defaultExpr) {
        return new Column(number, name, "integer", false, defaultExpr, (char) 0, (char) 0, null, 'N', null, null,
                local, null, Column.ColumnSettings.DEFAULTS);
    }

    private static Table table(long oid, String name, TableLayout layout, Column... columns) {
        return new Table(oid, "public", name, "owner", 'p', List.of(columns), 0, 0, null, null, layout);
    }

    private static TableLayout layout(char kind, List<Long> parents, String key, String bound, String tablespace) {
        return new TableLayout(kind, parents, key, bound, null, null, null, 'd', null, tablespace, false, null);
    }

    private static List<Entry> entries(DdlOptions options, List<Constraint> constraints, Table... tables) {
        Catalog catalog = new Catalog(new ServerVersion(150000), new DatabaseInfo(0, "db", "owner", "UTF8", "C", "C", 'c', null, null, false, -1, List.of(), null, null),
                List.of(new Schema(2200, "public", "owner", null, null)), List.of(tables), List.of(), List.of(),
                constraints, List.of(), List.of(), List.of());
        return new DdlWriter(catalog, options).entries();
    }

    private static Entry find(List<Entry> entries, String kind, String name) {
        return entries.stream().filter(e -> e.kind() == Kind.of(kind) && e.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aPartitionIsCreatedOnItsOwnInItsOwnColumnOrderAndThenAttached() {
        Table parent = table(PARENT, "parent", layout('p', List.of(), "RANGE (k)", null, null),
                column(1, "k", true, null), column(2, "v", true, null));
        Table child = table(CHILD, "child", layout('r', List.of(PARENT), null, "FOR VALUES FROM (0) TO (10)", null),
                column(1, "v", false, null), column(2, "k", false, null));

        List<Entry> entries = entries(DdlOptions.DEFAULTS, List.of(), parent, child);

        assertThat(find(entries, "TABLE", "public.parent").sql().get(0))
                .isEqualTo("CREATE TABLE public.parent (\n    k integer,\n    v integer\n)\nPARTITION BY RANGE (k)");
        assertThat(find(entries, "TABLE", "public.child").sql().get(0))
                .isEqualTo("CREATE TABLE public.child (\n    v integer,\n    k integer\n)");
        Entry attach = find(entries, "TABLE ATTACH", "public.child");
        assertThat(attach.sql()).containsExactly(
                "ALTER TABLE ONLY public.parent ATTACH PARTITION public.child FOR VALUES FROM (0) TO (10)");
        assertThat(attach.dependsOn()).contains(parent.ref(), child.ref());
        assertThat(entries).filteredOn(e -> e.kind() == Kind.TABLE_DATA).extracting(Entry::name)
                .containsExactly("public.child");
    }

    @Test
    void anInheritedOnlyColumnIsLeftOutAndGetsItsOwnDefaultByAlterTable() {
        Table parent = table(PARENT, "parent", TableLayout.PLAIN, column(1, "a", true, "1"),
                column(2, "b", true, "2"));
        Table child = table(CHILD, "child", layout('r', List.of(PARENT), null, null, null),
                column(1, "a", false, "7"), column(2, "b", false, null), column(3, "c", true, null));

        List<String> sql = find(entries(DdlOptions.DEFAULTS, List.of(), parent, child), "TABLE", "public.child").sql();

        assertThat(sql.get(0)).isEqualTo("CREATE TABLE public.child (\n    c integer\n)\nINHERITS (public.parent)");
        assertThat(sql).contains("ALTER TABLE ONLY public.child ALTER COLUMN a SET DEFAULT 7",
                "ALTER TABLE ONLY public.child ALTER COLUMN b SET DEFAULT NULL");
    }

    @Test
    void aKeyOfAPartitionedTableWaitsForTheRowsOfEveryPartitionBelowIt() {
        Table parent = table(PARENT, "parent", layout('p', List.of(), "LIST (k)", null, null),
                column(1, "k", true, null));
        Table middle = table(CHILD, "middle", layout('p', List.of(PARENT), "LIST (k)", "FOR VALUES IN (1, 2)", null),
                column(1, "k", false, null));
        Table leaf = table(102, "leaf", layout('r', List.of(CHILD), null, "FOR VALUES IN (1)", null),
                column(1, "k", false, null));
        Constraint key = new Constraint(500, PARENT, "public", "parent", "parent_pkey", 'p', "PRIMARY KEY (k)", true,
                true, 0, 600, null, 0, new IndexDetails(0, false, false, null, List.of(), null));

        Entry entry = find(entries(DdlOptions.DEFAULTS, List.of(key), parent, middle, leaf), "PRIMARY KEY",
                "public.parent.parent_pkey");

        assertThat(entry.sql()).containsExactly("ALTER TABLE ONLY public.parent ADD CONSTRAINT parent_pkey PRIMARY KEY (k)");
        assertThat(entry.dependsOn()).contains(ObjectRef.dataOf(102)).doesNotContain(ObjectRef.dataOf(PARENT));
    }

    @Test
    void noTablespacesLeavesTheTablespaceOfTablesAndKeysOut() {
        Table spaced = table(PARENT, "spaced", layout('r', List.of(), null, null, "fast"), column(1, "k", true, null));
        Constraint key = new Constraint(500, PARENT, "public", "spaced", "spaced_pkey", 'p',
                "PRIMARY KEY (k) USING INDEX TABLESPACE fast", true, true, 0, 600, null, 0,
                new IndexDetails(0, false, false, "fast", List.of(), null));

        List<Entry> kept = entries(DdlOptions.DEFAULTS, List.of(key), spaced);
        List<Entry> dropped = entries(new DdlOptions(false, false, true), List.of(key), spaced);

        assertThat(find(kept, "TABLE", "public.spaced").sql().get(0)).endsWith("\nTABLESPACE fast");
        assertThat(find(kept, "PRIMARY KEY", "public.spaced.spaced_pkey").sql().get(0)).contains("TABLESPACE fast");
        assertThat(find(dropped, "TABLE", "public.spaced").sql().get(0)).doesNotContain("TABLESPACE");
        assertThat(find(dropped, "PRIMARY KEY", "public.spaced.spaced_pkey").sql().get(0))
                .isEqualTo("ALTER TABLE ONLY public.spaced ADD CONSTRAINT spaced_pkey PRIMARY KEY (k)");
    }
}
