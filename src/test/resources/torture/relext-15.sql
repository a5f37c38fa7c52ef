-- PostgreSQL 15: views that check privileges as their caller.
CREATE VIEW "Ext Rel"."As Caller" WITH (security_invoker = true, security_barrier = false) AS
    SELECT id, note FROM "Ext Rel"."Order Lines";
CREATE VIEW "Ext Rel"."As Owner" WITH (security_invoker = off) AS SELECT id FROM "Ext Rel"."As Caller";
