package io.pgshift.order;

import java.util.ArrayList;
import java.util.List;

import io.pgshift.testkit.PostgresServer;

/**
 * Schemas whose objects need each other in the orders pg_dump has to work out: a generated column that calls a
 * function, and the loops pg_dump breaks by splitting an object (a CHECK constraint, a column default, a domain's
 * CHECK, a view's query) off into a later statement. Also user-defined access methods, which a table or an index
 * names. Every object holds or shows something, so that a lost one shows in the comparison.
 */
final class DependencyLoops {
    static final String DB = "loops";

    private DependencyLoops() {
    }

    static void create(PostgresServer server) {
        server.createDatabase(DB);
        server.execute(DB, statements(Integer.parseInt(server.majorVersion())).toArray(String[]::new));
    }

    static List<String> statements(int major) {
        List<String> sql = new ArrayList<>(List.of(
                "CREATE SCHEMA loops",
                // A CHECK that calls a function taking the table's row: pg_dump adds the CHECK after the rows.
                "CREATE TABLE loops.orders (id integer PRIMARY KEY, qty integer)",
                "CREATE FUNCTION loops.sane(loops.orders) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1.qty < 1000 $$",
                "ALTER TABLE loops.orders ADD CONSTRAINT orders_sane CHECK (loops.sane(orders.*))",
                "COMMENT ON CONSTRAINT orders_sane ON loops.orders IS 'split off'",
                "ALTER TABLE loops.orders ADD CONSTRAINT orders_qty CHECK (qty >= 0)",
                "INSERT INTO loops.orders SELECT g, g FROM generate_series(1, 50) g",
                // A default that calls a function taking the table's row.
                "CREATE TABLE loops.events (id integer, weight integer)",
                "CREATE FUNCTION loops.default_weight(loops.events) RETURNS integer LANGUAGE sql AS $$ SELECT 7 $$",
                "ALTER TABLE loops.events ALTER COLUMN weight SET DEFAULT loops.default_weight(NULL)",
                "INSERT INTO loops.events (id) VALUES (1), (2)",
                // A domain whose CHECK calls a function that takes an array of the domain.
                "CREATE DOMAIN loops.quantity AS integer",
                "CREATE FUNCTION loops.positive(integer, loops.quantity[] DEFAULT '{}') RETURNS boolean "
                        + "LANGUAGE sql IMMUTABLE AS $$ SELECT $1 > 0 $$",
                "ALTER DOMAIN loops.quantity ADD CONSTRAINT quantity_positive CHECK (loops.positive(VALUE))",
                "CREATE TABLE loops.stock (item text, amount loops.quantity)",
                "INSERT INTO loops.stock VALUES ('bolt', 3)",
                // A view whose query calls a function that returns the view's rows.
                "CREATE VIEW loops.totals AS SELECT 1 AS n, 'x'::text COLLATE \"C\" AS label",
                "CREATE FUNCTION loops.totals_again() RETURNS SETOF loops.totals LANGUAGE sql AS $$ SELECT * FROM loops.totals $$",
                "CREATE OR REPLACE VIEW loops.totals AS SELECT count(*)::integer AS n, 'x'::text COLLATE \"C\" AS label "
                        + "FROM loops.orders WHERE NOT EXISTS (SELECT FROM loops.totals_again() t WHERE t.n < 0)",
                "GRANT SELECT ON loops.totals TO PUBLIC",
                "CREATE VIEW loops.on_totals AS SELECT n FROM loops.totals",
                // An index access method made from a built-in handler, with an operator class of its own.
                "CREATE ACCESS METHOD hash2 TYPE INDEX HANDLER hashhandler",
                "COMMENT ON ACCESS METHOD hash2 IS 'a second hash'",
                "CREATE OPERATOR CLASS loops.int4_hash2 DEFAULT FOR TYPE integer USING hash2 AS "
                        + "OPERATOR 1 =, FUNCTION 1 hashint4(integer)",
                "CREATE INDEX events_id_hash2 ON loops.events USING hash2 (id)"));
        if (major >= 12) {
            sql.addAll(List.of(
                    // A stored generated column that calls a user function, which must exist before its table.
                    "CREATE FUNCTION loops.topics(a text, b jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE "
                            + "AS $$ SELECT ARRAY[a, b->>'k'] $$",
                    "CREATE TABLE loops.posts (id integer PRIMARY KEY, a text, b jsonb, "
                            + "topics text[] GENERATED ALWAYS AS (loops.topics(a, b)) STORED)",
                    "INSERT INTO loops.posts VALUES (1, 'x', '{\"k\": \"y\"}')",
                    // A table access method.
                    "CREATE ACCESS METHOD heap2 TYPE TABLE HANDLER heap_tableam_handler",
                    "CREATE TABLE loops.archived (id integer) USING heap2",
                    "INSERT INTO loops.archived VALUES (1), (2), (3)"));
        }
        if (major >= 14) {
            sql.addAll(List.of(
                    // A SQL-standard body reads a table whose default calls the function.
                    "CREATE TABLE loops.tickets (id integer, seq bigint)",
                    "CREATE FUNCTION loops.next_ticket() RETURNS bigint LANGUAGE sql "
                            + "BEGIN ATOMIC SELECT count(*) + 1 FROM loops.tickets; END",
                    "ALTER TABLE loops.tickets ALTER COLUMN seq SET DEFAULT loops.next_ticket()",
                    "INSERT INTO loops.tickets (id) VALUES (1)",
                    // A SQL-standard body reads a table whose CHECK calls the function.
                    "CREATE TABLE loops.limits (id integer)",
                    "CREATE FUNCTION loops.few_limits() RETURNS boolean LANGUAGE sql "
                            + "BEGIN ATOMIC SELECT count(*) < 100 FROM loops.limits; END",
                    "ALTER TABLE loops.limits ADD CONSTRAINT limits_few CHECK (loops.few_limits())",
                    "INSERT INTO loops.limits VALUES (1)",
                    // A view that calls a function whose SQL-standard body reads the view.
                    "CREATE VIEW loops.counted AS SELECT 1 AS a",
                    "CREATE FUNCTION loops.count_counted() RETURNS bigint LANGUAGE sql "
                            + "BEGIN ATOMIC SELECT count(*) FROM loops.counted; END",
                    "CREATE OR REPLACE VIEW loops.counted AS SELECT 1 AS a, loops.count_counted() AS b",
                    // A view, a materialized view over it, and a function over that, which the view calls.
                    "CREATE VIEW loops.outer_view AS SELECT 1 AS a",
                    "CREATE MATERIALIZED VIEW loops.middle AS SELECT a FROM loops.outer_view",
                    "CREATE FUNCTION loops.count_middle() RETURNS bigint LANGUAGE sql "
                            + "BEGIN ATOMIC SELECT count(*) FROM loops.middle; END",
                    "CREATE OR REPLACE VIEW loops.outer_view AS SELECT 1 AS a, loops.count_middle() AS b"));
        }
        return sql;
    }
}
