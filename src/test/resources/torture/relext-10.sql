-- PostgreSQL 10: restrictive policies, extended statistics, transition tables.
CREATE POLICY "Only Small" ON "Ext Rel"."Order Lines" AS RESTRICTIVE FOR DELETE USING ("Qty" < 100);
CREATE STATISTICS "Ext Rel"."Line Stats" (ndistinct, dependencies) ON "Qty", note FROM "Ext Rel"."Order Lines";
CREATE STATISTICS "Ext Rel".audit_stats ON line_id, what FROM "Ext Rel".audit;
ALTER STATISTICS "Ext Rel".audit_stats OWNER TO "Rel Writer";
COMMENT ON STATISTICS "Ext Rel"."Line Stats" IS 'quantity and note go together';
CREATE TRIGGER "With Transitions" AFTER UPDATE ON "Ext Rel"."Dócs ü"
    REFERENCING OLD TABLE AS "old rows" NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE PROCEDURE suppress_redundant_updates_trigger();
