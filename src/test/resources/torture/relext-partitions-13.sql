-- PostgreSQL 13 and later: a partition's copy of a trigger with a state of its own.
ALTER TABLE "Ext Part".events_2025 DISABLE TRIGGER "Skip Same";
ALTER TABLE "Ext Part"."Events 2024" ENABLE TRIGGER off_on_parent;
