-- PostgreSQL 13 and 14: statistics targets of statistics objects, statistics on expressions.
CREATE STATISTICS "Ext Rel"."On Expressions" ON lower(note), ("Qty" * 2) FROM "Ext Rel"."Order Lines";
ALTER STATISTICS "Ext Rel"."On Expressions" SET STATISTICS 500;
ALTER STATISTICS "Ext Rel"."Line Stats" SET STATISTICS 0;
