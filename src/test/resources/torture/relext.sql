-- Views, materialized views, rules, triggers and row-level security that PostgreSQL 9.6 already has.
-- Needs the roles "rel reader" and "Rel Writer" and the tablespace "Fast Disk". Uses no user functions: the triggers call functions
-- that ship with the server. Rows go in before any trigger or rule exists, as in a restore.
CREATE SCHEMA "Ext Rel";

CREATE TABLE "Ext Rel"."Order Lines" (
    id integer PRIMARY KEY,
    "Qty" integer NOT NULL DEFAULT 1,
    note text,
    "select" text
);
CREATE TABLE "Ext Rel".audit (
    id serial PRIMARY KEY,
    line_id integer REFERENCES "Ext Rel"."Order Lines" (id),
    what text
);
CREATE TABLE "Ext Rel"."Dócs ü" (id integer PRIMARY KEY, body text, tsv tsvector);
INSERT INTO "Ext Rel"."Order Lines" VALUES (1, 5, 'small', 'a'), (2, 12, 'big', 'b'), (3, 12, 'big too', NULL);
INSERT INTO "Ext Rel".audit (line_id, what) VALUES (1, 'created'), (2, 'created');
INSERT INTO "Ext Rel"."Dócs ü" VALUES (1, 'the quick brown fox', NULL);

-- Views: check options, a security barrier, column defaults, comments and privileges, recursion.
CREATE VIEW "Ext Rel"."Big Lines" AS
    SELECT id, "Qty", note FROM "Ext Rel"."Order Lines" WHERE "Qty" > 10
    WITH LOCAL CHECK OPTION;
CREATE VIEW "Ext Rel"."cascaded ""view""" AS
    SELECT id, "Qty" FROM "Ext Rel"."Big Lines" WHERE id > 0
    WITH CASCADED CHECK OPTION;
CREATE VIEW "Ext Rel"."Barrier" WITH (security_barrier = true) AS
    SELECT id, note, "select" FROM "Ext Rel"."Order Lines" WHERE note <> 'secret';
ALTER VIEW "Ext Rel"."Big Lines" ALTER COLUMN "Qty" SET DEFAULT 11;
ALTER VIEW "Ext Rel"."Big Lines" ALTER COLUMN note SET DEFAULT 'added ''through'' the view';
COMMENT ON VIEW "Ext Rel"."Big Lines" IS 'lines of more than ten';
COMMENT ON COLUMN "Ext Rel"."Big Lines"."Qty" IS 'quantity, at least 11';
GRANT SELECT ("select", note) ON "Ext Rel"."Barrier" TO "rel reader";
GRANT INSERT, SELECT ON "Ext Rel"."Big Lines" TO "Rel Writer";
-- 9.6 prints an unnamed first column of a recursive query without its alias, and later servers name it
-- "?column?" when they read that back: the alias is given to keep the two dumps alike.
CREATE RECURSIVE VIEW "Ext Rel"."Count Down" ("n") AS
    SELECT 3 AS n UNION ALL SELECT n - 1 FROM "Count Down" WHERE n > 0;
ALTER VIEW "Ext Rel"."Count Down" OWNER TO "Rel Writer";

-- Materialized views: populated, never populated, one over a view over another, with an index.
CREATE MATERIALIZED VIEW "Ext Rel"."Line Totals" WITH (fillfactor = 70, toast.autovacuum_enabled = false) AS
    SELECT "Qty", count(*) AS "Count" FROM "Ext Rel"."Order Lines" GROUP BY "Qty";
CREATE UNIQUE INDEX "Line Totals Qty" ON "Ext Rel"."Line Totals" ("Qty");
CREATE INDEX line_totals_count ON "Ext Rel"."Line Totals" ("Count") WHERE "Count" > 1;
ALTER MATERIALIZED VIEW "Ext Rel"."Line Totals" CLUSTER ON "Line Totals Qty";
COMMENT ON MATERIALIZED VIEW "Ext Rel"."Line Totals" IS 'one row per quantity';
COMMENT ON COLUMN "Ext Rel"."Line Totals"."Count" IS 'how many lines';
COMMENT ON INDEX "Ext Rel"."Line Totals Qty" IS 'makes REFRESH CONCURRENTLY possible';
GRANT SELECT ON "Ext Rel"."Line Totals" TO "rel reader";
GRANT SELECT ("Qty") ON "Ext Rel"."Line Totals" TO "Rel Writer";
CREATE VIEW "Ext Rel".over_totals AS SELECT "Qty", "Count" FROM "Ext Rel"."Line Totals";
CREATE MATERIALIZED VIEW "Ext Rel"."Totals of Totals" TABLESPACE "Fast Disk" AS SELECT sum("Count") AS total FROM "Ext Rel".over_totals;
CREATE MATERIALIZED VIEW "Ext Rel"."Never Filled" AS SELECT id, note FROM "Ext Rel"."Order Lines" WITH NO DATA;
ALTER MATERIALIZED VIEW "Ext Rel"."Never Filled" OWNER TO "Rel Writer";

-- Rules: DO ALSO and DO INSTEAD on tables, an INSTEAD rule on a view, every enabled state.
CREATE TABLE "Ext Rel".log (id serial PRIMARY KEY, what text);
CREATE RULE "Log Insert" AS ON INSERT TO "Ext Rel"."Order Lines"
    DO ALSO INSERT INTO "Ext Rel".log (what) VALUES ('insert ' || NEW.id);
CREATE RULE "no delete" AS ON DELETE TO "Ext Rel".log DO INSTEAD NOTHING;
ALTER TABLE "Ext Rel".log DISABLE RULE "no delete";
CREATE RULE on_update_replica AS ON UPDATE TO "Ext Rel".log DO ALSO NOTIFY log_changed;
ALTER TABLE "Ext Rel".log ENABLE REPLICA RULE on_update_replica;
CREATE RULE "Always" AS ON INSERT TO "Ext Rel".audit WHERE NEW.what = 'noise' DO INSTEAD NOTHING;
ALTER TABLE "Ext Rel".audit ENABLE ALWAYS RULE "Always";
CREATE VIEW "Ext Rel"."Writable" AS SELECT id, what FROM "Ext Rel".log;
CREATE RULE "Writable Insert" AS ON INSERT TO "Ext Rel"."Writable"
    DO INSTEAD INSERT INTO "Ext Rel".log (what) VALUES (NEW.what);
COMMENT ON RULE "Log Insert" ON "Ext Rel"."Order Lines" IS 'keeps a log';

-- Triggers: row and statement level, WHEN, column lists, arguments, constraint triggers, INSTEAD OF
-- on a view, every enabled state. The foreign key's internal triggers must not be copied as triggers.
CREATE TRIGGER "Skip Same" BEFORE UPDATE ON "Ext Rel"."Order Lines"
    FOR EACH ROW WHEN (OLD.note IS DISTINCT FROM 'frozen') EXECUTE PROCEDURE suppress_redundant_updates_trigger();
CREATE TRIGGER "tsv update" BEFORE INSERT OR UPDATE OF body ON "Ext Rel"."Dócs ü"
    FOR EACH ROW EXECUTE PROCEDURE tsvector_update_trigger(tsv, 'pg_catalog.english', body);
CREATE TRIGGER off_trigger BEFORE UPDATE ON "Ext Rel".audit
    FOR EACH ROW EXECUTE PROCEDURE suppress_redundant_updates_trigger();
ALTER TABLE "Ext Rel".audit DISABLE TRIGGER off_trigger;
CREATE TRIGGER "replica trigger" BEFORE UPDATE ON "Ext Rel".audit
    FOR EACH ROW EXECUTE PROCEDURE suppress_redundant_updates_trigger();
ALTER TABLE "Ext Rel".audit ENABLE REPLICA TRIGGER "replica trigger";
CREATE TRIGGER "select" AFTER TRUNCATE ON "Ext Rel".audit
    FOR EACH STATEMENT EXECUTE PROCEDURE suppress_redundant_updates_trigger();
ALTER TABLE "Ext Rel".audit ENABLE ALWAYS TRIGGER "select";
CREATE CONSTRAINT TRIGGER "Check Later" AFTER INSERT OR UPDATE ON "Ext Rel"."Order Lines"
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE PROCEDURE suppress_redundant_updates_trigger();
CREATE CONSTRAINT TRIGGER check_from AFTER DELETE ON "Ext Rel".audit FROM "Ext Rel"."Order Lines"
    NOT DEFERRABLE FOR EACH ROW EXECUTE PROCEDURE suppress_redundant_updates_trigger();
CREATE TRIGGER "Instead" INSTEAD OF UPDATE ON "Ext Rel"."Writable"
    FOR EACH ROW EXECUTE PROCEDURE suppress_redundant_updates_trigger();
COMMENT ON TRIGGER "Skip Same" ON "Ext Rel"."Order Lines" IS 'no empty updates';

-- Row-level security: policies for commands and roles, enabled, forced, forced without being enabled.
CREATE POLICY "Readers See Positive" ON "Ext Rel"."Order Lines" FOR SELECT TO "rel reader" USING ("Qty" > 0);
CREATE POLICY everyone ON "Ext Rel"."Order Lines" USING (true) WITH CHECK ("Qty" < 1000);
CREATE POLICY "insert" ON "Ext Rel"."Order Lines" FOR INSERT TO "rel reader", "Rel Writer"
    WITH CHECK (note IS NOT NULL AND note <> '');
CREATE POLICY upd ON "Ext Rel"."Order Lines" FOR UPDATE TO PUBLIC USING (id > 1) WITH CHECK (id > 1);
CREATE POLICY del ON "Ext Rel".audit FOR DELETE TO "Rel Writer" USING (what = 'created');
COMMENT ON POLICY everyone ON "Ext Rel"."Order Lines" IS 'everybody, bounded';
ALTER TABLE "Ext Rel"."Order Lines" ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Ext Rel".audit ENABLE ROW LEVEL SECURITY;
ALTER TABLE "Ext Rel".audit FORCE ROW LEVEL SECURITY;
ALTER TABLE "Ext Rel".log FORCE ROW LEVEL SECURITY;
