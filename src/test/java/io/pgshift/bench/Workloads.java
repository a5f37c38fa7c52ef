package io.pgshift.bench;

import io.pgshift.embedded.EmbeddedPostgres;

/** The databases the benchmark migrates, generated inside the source server. */
public final class Workloads {
    private Workloads() {
    }

    /**
     * The database `pgbench -i -s scale` builds (same tables, sizes and keys), generated with SQL so that
     * no pgbench binary is needed.
     */
    public static void pgbench(EmbeddedPostgres server, String db, int scale) {
        server.execute("postgres", "CREATE DATABASE " + db);
        server.execute(db,
                "CREATE TABLE pgbench_branches (bid int NOT NULL, bbalance int, filler char(88)) WITH (fillfactor = 100)",
                "CREATE TABLE pgbench_tellers (tid int NOT NULL, bid int, tbalance int, filler char(84)) WITH (fillfactor = 100)",
                "CREATE TABLE pgbench_accounts (aid int NOT NULL, bid int, abalance int, filler char(84)) WITH (fillfactor = 100)",
                "CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))",
                "INSERT INTO pgbench_branches (bid, bbalance) SELECT b, 0 FROM generate_series(1, " + scale + ") b",
                "INSERT INTO pgbench_tellers (tid, bid, tbalance) SELECT t, (t - 1) / 10 + 1, 0 FROM generate_series(1, "
                        + (10 * scale) + ") t",
                "INSERT INTO pgbench_accounts (aid, bid, abalance, filler) SELECT a, (a - 1) / 100000 + 1, 0, '' "
                        + "FROM generate_series(1, " + (100000L * scale) + ") a",
                "ALTER TABLE pgbench_branches ADD PRIMARY KEY (bid)",
                "ALTER TABLE pgbench_tellers ADD PRIMARY KEY (tid)",
                "ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)",
                "VACUUM ANALYZE");
    }

    /** Many small tables, each with a key, an index, a view and a function: the shape of a big application schema. */
    static void manyTables(EmbeddedPostgres server, String db, int tables) {
        server.execute("postgres", "CREATE DATABASE " + db);
        // Batches of tables, each in its own transaction: one transaction holding a lock on every new table
        // would run out of lock slots.
        for (int from = 1; from <= tables; from += 200) {
            server.execute(db, """
                    DO $$
                    BEGIN
                      FOR i IN %d..%d LOOP
                        EXECUTE format('CREATE TABLE t%%s (id serial PRIMARY KEY, name text NOT NULL, created timestamptz DEFAULT now(), amount numeric(12,2) CHECK (amount >= 0))', i);
                        EXECUTE format('CREATE INDEX t%%s_name_idx ON t%%s (name)', i, i);
                        EXECUTE format('CREATE VIEW v%%s AS SELECT id, name FROM t%%s WHERE amount > 0', i, i);
                        EXECUTE format('CREATE FUNCTION f%%s(integer) RETURNS numeric LANGUAGE sql STABLE AS ''SELECT amount FROM t%%s WHERE id = $1''', i, i);
                        EXECUTE format('INSERT INTO t%%s (name, amount) VALUES (''a'', 1), (''b'', 2)', i);
                      END LOOP;
                    END $$""".formatted(from, Math.min(tables, from + 199)));
        }
    }

    /**
     * Many small tables an application has just created, most of them empty: a serial key, a foreign key to the
     * table before, an index, a CHECK and a comment each, and a view and a function for every tenth table, which
     * also holds two rows. A copy of it is made of per-table overhead (round trips, transactions, commits), not of
     * rows.
     */
    static void smallTables(EmbeddedPostgres server, String db, int tables) {
        server.execute("postgres", "CREATE DATABASE " + db);
        for (int from = 1; from <= tables; from += 200) {
            server.execute(db, """
                    DO $$
                    BEGIN
                      FOR i IN %d..%d LOOP
                        EXECUTE format('CREATE TABLE s%%s (id serial PRIMARY KEY, prev integer %%s, name text NOT NULL, amount numeric(12,2) CHECK (amount >= 0))', i, CASE WHEN i > 1 THEN 'REFERENCES s' || (i - 1) ELSE '' END);
                        EXECUTE format('CREATE INDEX s%%s_name_idx ON s%%s (name)', i, i);
                        EXECUTE format('COMMENT ON TABLE s%%s IS %%L', i, 'table number ' || i);
                        IF i %% 10 = 0 THEN
                          EXECUTE format('CREATE VIEW sv%%s AS SELECT id, name FROM s%%s WHERE amount > 0', i, i);
                          EXECUTE format('CREATE FUNCTION sf%%s(integer) RETURNS numeric LANGUAGE sql STABLE AS ''SELECT amount FROM s%%s WHERE id = $1''', i, i);
                          EXECUTE format('INSERT INTO s%%s (name, amount) VALUES (''a'', 1), (''b'', 2)', i);
                        END IF;
                      END LOOP;
                    END $$""".formatted(from, Math.min(tables, from + 199)));
        }
    }
}
