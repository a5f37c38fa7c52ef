-- PostgreSQL 11: triggers on partitioned tables. CREATE TRIGGER on the parent makes a copy on each
-- partition; only the parent's trigger is restored, plus the state of a copy that differs from it.
-- Row triggers on partitioned tables are AFTER triggers until 13. Needs pgshift to copy partitioned tables.
CREATE SCHEMA "Ext Part";
CREATE TABLE "Ext Part"."Events" (id integer NOT NULL, at date NOT NULL, what text) PARTITION BY RANGE (at);
CREATE TABLE "Ext Part"."Events 2024" PARTITION OF "Ext Part"."Events" FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE "Ext Part".events_2025 PARTITION OF "Ext Part"."Events" FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO "Ext Part"."Events" VALUES (1, '2024-05-01', 'a'), (2, '2025-05-01', 'b');
CREATE TRIGGER "Skip Same" AFTER UPDATE ON "Ext Part"."Events"
    FOR EACH ROW EXECUTE PROCEDURE suppress_redundant_updates_trigger();
CREATE TRIGGER off_on_parent AFTER UPDATE ON "Ext Part"."Events"
    FOR EACH ROW EXECUTE PROCEDURE suppress_redundant_updates_trigger();
ALTER TABLE "Ext Part"."Events" DISABLE TRIGGER off_on_parent;
CREATE TRIGGER own_trigger BEFORE UPDATE ON "Ext Part".events_2025
    FOR EACH ROW EXECUTE PROCEDURE suppress_redundant_updates_trigger();
