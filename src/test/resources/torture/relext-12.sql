-- PostgreSQL 12: most-common-values statistics.
CREATE STATISTICS "Ext Rel"."MCV" (mcv) ON "Qty", "select" FROM "Ext Rel"."Order Lines";
