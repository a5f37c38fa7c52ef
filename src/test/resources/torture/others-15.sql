-- Publications of whole schemas, row filters and column lists, from PostgreSQL 15 on.
CREATE PUBLICATION "by schema" FOR TABLES IN SCHEMA "Odd Schema", public;
CREATE PUBLICATION filtered FOR TABLE "Odd Schema"."Uses Extensions" (id, email) WHERE (id > 1),
    TABLE ONLY public.parent_rows WHERE (note IS NOT NULL AND id < 100);
