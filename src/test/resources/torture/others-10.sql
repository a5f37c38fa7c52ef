-- Publications, from PostgreSQL 10 on.
CREATE PUBLICATION "Pub ""All""" FOR ALL TABLES;
CREATE PUBLICATION some_tables FOR TABLE "Odd Schema"."Uses Extensions", ONLY public.parent_rows
    WITH (publish = 'insert, update');
CREATE PUBLICATION empty_pub;
ALTER PUBLICATION some_tables OWNER TO "Ödön Owner";
COMMENT ON PUBLICATION "Pub ""All""" IS 'everything';
ALTER DEFAULT PRIVILEGES FOR ROLE "Ödön Owner" GRANT USAGE ON SCHEMAS TO "app reader";
