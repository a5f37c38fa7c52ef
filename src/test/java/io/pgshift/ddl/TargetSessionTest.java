package io.pgshift.ddl;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.pgshift.object.Kind;
import io.pgshift.catalog.Catalog;
import io.pgshift.catalog.Column;
import io.pgshift.catalog.Constraint;
import io.pgshift.catalog.DatabaseInfo;
import io.pgshift.catalog.IndexDetails;
import io.pgshift.catalog.Schema;
import io.pgshift.catalog.SequenceDef;
import io.pgshift.catalog.ServerVersion;
import io.pgshift.catalog.Table;
import io.pgshift.catalog.TableLayout;
import io.pgshift.plan.Entry;

import static org.assertj.core.api.Assertions.assertThat;

/** What the writer leaves out or folds in when it knows the session that will run its statements. */
class TargetSessionTest {
    private static final long TABLE = 100;
    private static final TargetSession COPY_AS_APP = new TargetSession("app", true, t -> true);

    private static Table table(String owner) {
        Column id = new Column(1, "id", "integer", false, null, (char) 0, (char) 0, null, 'N', null, null, true, null,
                Column.ColumnSettings.DEFAULTS);
        return new Table(TABLE, "public", "t", owner, 'p', List.of(id), 0, 0, null, null, TableLayout.PLAIN);
    }

    private static Constraint key(String definition, String indexDefinition, IndexDetails details) {
        return new Constraint(500, TABLE, "public", "t", "t_pkey", 'p', definition, true, true, 0, 600, null, 0,
                details, indexDefinition);
    }

    private static IndexDetails plain() {
        return new IndexDetails(0, false, false, null, List.of(), null);
    }

    private static List<Entry> entries(TargetSession session, Table table, List<Constraint> constraints,
                                       List<SequenceDef> sequences) {
        Catalog catalog = new Catalog(new ServerVersion(150000), new DatabaseInfo(0, "db", "app", "UTF8", "C", "C", 'c',
                null, null, false, -1, List.of(), null, null),
                List.of(new Schema(2200, "public", "app", null, null)), List.of(table), sequences, List.of(),
                constraints, List.of(), List.of(), List.of());
        return new DdlWriter(catalog, DdlOptions.DEFAULTS, session).entries();
    }

    private static Entry find(List<Entry> entries, String kind) {
        return entries.stream().filter(e -> e.kind() == Kind.of(kind)).findFirst().orElseThrow();
    }

    @Test
    void aPlainKeyOfATableThatGetsItsKeysFirstIsDeclaredInCreateTable() {
        Constraint key = key("PRIMARY KEY (id)", "CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)", plain());

        List<Entry> entries = entries(COPY_AS_APP, table("app"), List.of(key), List.of());

        assertThat(find(entries, "TABLE").sql().get(0))
                .isEqualTo("CREATE TABLE public.t (\n    id integer,\n    CONSTRAINT t_pkey PRIMARY KEY (id)\n)");
        assertThat(find(entries, "PRIMARY KEY").sql()).isEmpty();
    }

    @Test
    void aDeclaredKeyKeepsWhatCreateTableCannotSayInItsOwnEntry() {
        Constraint key = key("PRIMARY KEY (id) INCLUDE (v) WITH (fillfactor='50')",
                "CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id) INCLUDE (v) WITH (fillfactor='50')",
                new IndexDetails(0, true, false, null, List.of(), "the key"));

        List<Entry> entries = entries(COPY_AS_APP, table("app"), List.of(key), List.of());

        assertThat(find(entries, "TABLE").sql().get(0))
                .contains("CONSTRAINT t_pkey PRIMARY KEY (id) INCLUDE (v) WITH (fillfactor='50')");
        assertThat(find(entries, "PRIMARY KEY").sql()).containsExactly("ALTER TABLE public.t CLUSTER ON t_pkey",
                "COMMENT ON INDEX public.t_pkey IS 'the key'");
    }

    @Test
    void aKeyWhoseIndexTheConstraintSyntaxCannotDescribeIsBuiltAfterTheTable() {
        List<Constraint> keys = List.of(
                key("PRIMARY KEY (id)", "CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id text_pattern_ops)",
                        plain()),
                key("PRIMARY KEY (id)", "CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id DESC)", plain()),
                key("PRIMARY KEY (id) DEFERRABLE", "CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)", plain()),
                key("PRIMARY KEY (id) USING INDEX TABLESPACE fast",
                        "CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)",
                        new IndexDetails(0, false, false, "fast", List.of(), null)));

        for (Constraint key : keys) {
            List<Entry> entries = entries(COPY_AS_APP, table("app"), List.of(key), List.of());

            assertThat(find(entries, "TABLE").sql().get(0)).doesNotContain("PRIMARY KEY");
            assertThat(find(entries, "PRIMARY KEY").sql()).anyMatch(s -> s.contains("ADD CONSTRAINT t_pkey"));
        }
    }

    @Test
    void aTableLoadedBeforeItsKeysAndADumpGetTheirKeysAfterwards() {
        Constraint key = key("PRIMARY KEY (id)", "CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)", plain());

        for (TargetSession session : List.of(new TargetSession("app", true, t -> false), TargetSession.UNKNOWN)) {
            List<Entry> entries = entries(session, table("app"), List.of(key), List.of());

            assertThat(find(entries, "TABLE").sql().get(0)).doesNotContain("PRIMARY KEY");
            assertThat(find(entries, "PRIMARY KEY").sql()).containsExactly(
                    "CREATE UNIQUE INDEX t_pkey ON public.t USING btree (id)",
                    "ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_pkey");
        }
    }

    @Test
    void objectsTheSessionCreatesForItsOwnUserNeedNoOwnerStatement() {
        List<Entry> mine = entries(COPY_AS_APP, table("app"), List.of(), List.of());
        List<Entry> others = entries(COPY_AS_APP, table("someone"), List.of(), List.of());
        List<Entry> dump = entries(TargetSession.UNKNOWN, table("app"), List.of(), List.of());

        assertThat(find(mine, "TABLE").sql()).noneMatch(s -> s.contains("OWNER TO"));
        assertThat(find(others, "TABLE").sql()).contains("ALTER TABLE public.t OWNER TO someone");
        assertThat(find(dump, "TABLE").sql()).contains("ALTER TABLE public.t OWNER TO app");
        // public exists before the run, whoever owns it there: its owner is always set.
        assertThat(find(mine, "SCHEMA").sql()).contains("ALTER SCHEMA public OWNER TO app");
    }

    @Test
    void aSerialColumnIsDeclaredAsSerialOnlyInADatabaseThatStartsEmpty() {
        Column.NotNull notNull = new Column.NotNull(0, null, true, false, true, null);
        Column id = new Column(1, "id", "integer", true, "nextval('public.t_id_seq'::regclass)", (char) 0, (char) 0,
                null, 'N', null, null, true, notNull, Column.ColumnSettings.DEFAULTS);
        Table table = new Table(TABLE, "public", "t", "app", 'p', List.of(id), 0, 0, null, null, TableLayout.PLAIN);
        SequenceDef sequence = new SequenceDef(200, "public", "t_id_seq", "app", "integer", 1, 1, 1, Integer.MAX_VALUE,
                1, false, 1, false, new SequenceDef.ColumnRef(TABLE, "public", "t", "id"), null, null, null, false);

        List<Entry> empty = entries(COPY_AS_APP, table, List.of(), List.of(sequence));
        List<Entry> cleaned = entries(new TargetSession("app", false, t -> true), table, List.of(), List.of(sequence));

        assertThat(find(empty, "TABLE").sql()).containsExactly("CREATE TABLE public.t (\n    id serial\n)");
        assertThat(find(empty, "SEQUENCE").sql()).isEmpty();
        assertThat(find(empty, "SEQUENCE").dependsOn()).contains(table.ref());
        assertThat(find(cleaned, "TABLE").sql()).containsExactly(
                "CREATE TABLE public.t (\n    id integer DEFAULT nextval('public.t_id_seq'::regclass) NOT NULL\n)",
                "ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id");
        assertThat(find(cleaned, "SEQUENCE").sql()).hasSize(1).allMatch(sql -> sql.startsWith("CREATE SEQUENCE"));
    }
}
