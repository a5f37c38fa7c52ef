package io.pgshift.order;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds a random but valid schema from a seed, whose objects depend on each other across kinds: functions that
 * call functions, domains whose CHECK calls a function, tables whose defaults, CHECKs, generated columns (12+) and
 * expression indexes call functions, CHECKs on a table's whole row (a loop pg_dump breaks), views of views, a
 * materialized view, policies and triggers. Each object may use any object made before it, so the order of
 * creation on the source is one the copy has to find again from the catalog. The same seed and version give the
 * same statements.
 */
final class SchemaGenerator {
    private final Random random;
    private final int major;
    private final List<String> sql = new ArrayList<>();
    /** Functions from integer to integer, by name, each total and immutable. */
    private final List<String> intFunctions = new ArrayList<>();
    /** Functions from integer to boolean, total and immutable. */
    private final List<String> predicates = new ArrayList<>();
    private final List<String> domains = new ArrayList<>();
    private final List<String> tables = new ArrayList<>();
    private final List<String> views = new ArrayList<>();

    private SchemaGenerator(long seed, int major) {
        this.random = new Random(seed);
        this.major = major;
    }

    /** The statements of the schema {@code gen} for a server of the given major version. */
    static List<String> statements(long seed, int major) {
        SchemaGenerator g = new SchemaGenerator(seed, major);
        g.sql.add("CREATE SCHEMA gen");
        g.sql.add("CREATE FUNCTION gen.touch() RETURNS trigger LANGUAGE plpgsql AS "
                + "$$ BEGIN NEW.note := coalesce(NEW.note, 'touched'); RETURN NEW; END $$");
        for (int i = 0; i < 40; i++) {
            switch (g.random.nextInt(6)) {
                case 0 -> g.function(i);
                case 1 -> g.predicate(i);
                case 2 -> g.domain(i);
                case 3, 4 -> g.table(i);
                default -> g.view(i);
            }
        }
        g.finish();
        return List.copyOf(g.sql);
    }

    private String pick(List<String> from, String otherwise) {
        return from.isEmpty() ? otherwise : from.get(random.nextInt(from.size()));
    }

    private void function(int i) {
        String name = "gen.f" + i;
        String inner = random.nextBoolean() ? pick(intFunctions, "abs") + "($1)" : "$1";
        sql.add("CREATE FUNCTION " + name + "(integer) RETURNS integer LANGUAGE sql IMMUTABLE STRICT AS "
                + "$$ SELECT " + inner + " + " + random.nextInt(10) + " $$");
        intFunctions.add(name);
    }

    private void predicate(int i) {
        String name = "gen.p" + i;
        String call = pick(intFunctions, "abs");
        sql.add("CREATE FUNCTION " + name + "(integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS "
                + "$$ SELECT " + call + "($1) IS NOT NULL OR $1 IS NULL $$");
        predicates.add(name);
    }

    private void domain(int i) {
        String name = "gen.d" + i;
        String check = predicates.isEmpty() ? "VALUE > -1000000" : pick(predicates, null) + "(VALUE)";
        sql.add("CREATE DOMAIN " + name + " AS integer CHECK (" + check + ")");
        domains.add(name);
    }

    private void table(int i) {
        String name = "gen.t" + i;
        List<String> columns = new ArrayList<>();
        columns.add("id integer PRIMARY KEY");
        columns.add("a " + pick(domains, "integer") + " DEFAULT " + (intFunctions.isEmpty() ? "1"
                : pick(intFunctions, null) + "(" + random.nextInt(100) + ")"));
        columns.add("b integer" + (predicates.isEmpty() ? "" : " CHECK (" + pick(predicates, null) + "(b))"));
        columns.add("note text");
        if (major >= 12 && !intFunctions.isEmpty() && random.nextBoolean()) {
            columns.add("g integer GENERATED ALWAYS AS (" + pick(intFunctions, null) + "(b)) STORED");
        }
        if (!tables.isEmpty() && random.nextInt(3) == 0) {
            columns.add("parent integer REFERENCES " + pick(tables, null) + " (id)");
        }
        sql.add("CREATE TABLE " + name + " (" + String.join(", ", columns) + ")");
        if (!intFunctions.isEmpty()) {
            sql.add("CREATE INDEX t" + i + "_expr ON " + name + " (" + pick(intFunctions, null) + "(b))");
        }
        if (random.nextInt(3) == 0) {
            // A CHECK on the whole row: the function takes the table's row type, a loop pg_dump breaks.
            sql.add("CREATE FUNCTION gen.row_ok" + i + "(" + name + ") RETURNS boolean LANGUAGE sql IMMUTABLE AS "
                    + "$$ SELECT $1.b IS NULL OR $1.b > -1000000 $$");
            sql.add("ALTER TABLE " + name + " ADD CONSTRAINT t" + i + "_row_ok CHECK (gen.row_ok" + i + "(t" + i
                    + ".*))");
        }
        if (random.nextBoolean()) {
            sql.add("CREATE TRIGGER t" + i + "_touch BEFORE INSERT ON " + name
                    + " FOR EACH ROW EXECUTE PROCEDURE gen.touch()");
        }
        if (!predicates.isEmpty() && random.nextInt(3) == 0) {
            sql.add("ALTER TABLE " + name + " ENABLE ROW LEVEL SECURITY");
            sql.add("CREATE POLICY t" + i + "_visible ON " + name + " USING (" + pick(predicates, null) + "(b))");
        }
        sql.add("INSERT INTO " + name + " (id, b) SELECT g, g * 3 FROM generate_series(1, " + (1 + random.nextInt(20))
                + ") g");
        sql.add("COMMENT ON TABLE " + name + " IS 'generated " + i + "'");
        tables.add(name);
    }

    private void view(int i) {
        String name = "gen.v" + i;
        String from = random.nextBoolean() || views.isEmpty() ? pick(tables, null) : pick(views, null);
        if (from == null) {
            return;
        }
        String call = intFunctions.isEmpty() ? "id" : pick(intFunctions, null) + "(id)";
        sql.add("CREATE VIEW " + name + " AS SELECT id, " + call + " AS x FROM " + from);
        views.add(name);
    }

    private void finish() {
        if (!views.isEmpty()) {
            sql.add("CREATE MATERIALIZED VIEW gen.summary AS SELECT count(*) AS n, sum(x) AS total FROM "
                    + views.get(views.size() - 1));
        }
    }
}
