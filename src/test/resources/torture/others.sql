-- Objects of issue #3's "other" kinds, for sources from 9.6 on, with identifiers that need quoting.
-- Roles "Ödön Owner" and "app reader" must exist on source and target (roles are cluster objects).

CREATE SCHEMA "Odd Schema";
CREATE SCHEMA "Ext ""Home""";

-- Extensions, one in an odd schema, with a table that needs their types.
CREATE EXTENSION hstore WITH SCHEMA "Ext ""Home""";
CREATE EXTENSION citext;
CREATE EXTENSION pg_trgm;
CREATE EXTENSION postgres_fdw;
COMMENT ON EXTENSION citext IS 'case-insensitive text, a ''quoted'' comment';
CREATE TABLE "Odd Schema"."Uses Extensions" (id integer PRIMARY KEY, attrs "Ext ""Home""".hstore, email citext);
INSERT INTO "Odd Schema"."Uses Extensions" VALUES (1, 'a=>1', 'X@Example.org'), (2, NULL, NULL);
CREATE INDEX "trgm index" ON "Odd Schema"."Uses Extensions" USING gin ((email::text) gin_trgm_ops);

-- Text search: parsers and templates built on the built-in C functions, dictionaries, configurations.
CREATE TEXT SEARCH PARSER "Odd Schema"."Parser ""P""" (START = prsd_start, GETTOKEN = prsd_nexttoken,
    END = prsd_end, LEXTYPES = prsd_lextype, HEADLINE = prsd_headline);
CREATE TEXT SEARCH PARSER public.no_headline (START = prsd_start, GETTOKEN = prsd_nexttoken, END = prsd_end,
    LEXTYPES = prsd_lextype);
COMMENT ON TEXT SEARCH PARSER "Odd Schema"."Parser ""P""" IS 'the default parser, again';
CREATE TEXT SEARCH TEMPLATE "Odd Schema"."Template é" (INIT = dsimple_init, LEXIZE = dsimple_lexize);
CREATE TEXT SEARCH TEMPLATE public.lexize_only (LEXIZE = dsimple_lexize);
COMMENT ON TEXT SEARCH TEMPLATE public.lexize_only IS 'no init function';
CREATE TEXT SEARCH DICTIONARY "Odd Schema"."Dict 1" (TEMPLATE = pg_catalog.simple, STOPWORDS = english,
    ACCEPT = false);
CREATE TEXT SEARCH DICTIONARY public.own_template (TEMPLATE = "Odd Schema"."Template é");
CREATE TEXT SEARCH DICTIONARY public.snow (TEMPLATE = snowball, LANGUAGE = 'english', StopWords = english);
ALTER TEXT SEARCH DICTIONARY public.snow OWNER TO "Ödön Owner";
COMMENT ON TEXT SEARCH DICTIONARY "Odd Schema"."Dict 1" IS 'drops English stop words';
CREATE TEXT SEARCH CONFIGURATION "Odd Schema"."Config ""C""" (COPY = pg_catalog.english);
ALTER TEXT SEARCH CONFIGURATION "Odd Schema"."Config ""C"""
    ALTER MAPPING FOR asciiword, word WITH "Odd Schema"."Dict 1", public.snow;
ALTER TEXT SEARCH CONFIGURATION "Odd Schema"."Config ""C""" DROP MAPPING FOR email, url;
CREATE TEXT SEARCH CONFIGURATION public.on_own_parser (PARSER = "Odd Schema"."Parser ""P""");
ALTER TEXT SEARCH CONFIGURATION public.on_own_parser ADD MAPPING FOR word, numword WITH simple;
ALTER TEXT SEARCH CONFIGURATION public.on_own_parser OWNER TO "Ödön Owner";
COMMENT ON TEXT SEARCH CONFIGURATION public.on_own_parser IS 'words only';
CREATE TEXT SEARCH CONFIGURATION public.empty_config (PARSER = pg_catalog."default");

-- Foreign data wrappers, servers, user mappings and foreign tables.
CREATE FOREIGN DATA WRAPPER "Dummy ""FDW""" OPTIONS ("Mode" 'lazy', debug 'true');
CREATE FOREIGN DATA WRAPPER validated VALIDATOR postgresql_fdw_validator;
CREATE SERVER checked FOREIGN DATA WRAPPER validated OPTIONS (host 'h', dbname 'd');
COMMENT ON FOREIGN DATA WRAPPER "Dummy ""FDW""" IS 'accepts anything';
GRANT USAGE ON FOREIGN DATA WRAPPER "Dummy ""FDW""" TO "app reader";
CREATE SERVER "Server ü" TYPE 'odd type' VERSION '1.0' FOREIGN DATA WRAPPER "Dummy ""FDW"""
    OPTIONS (host 'db.example.org', "Odd Option" 'it''s \ here');
CREATE SERVER plain FOREIGN DATA WRAPPER "Dummy ""FDW""";
CREATE SERVER remote_pg FOREIGN DATA WRAPPER postgres_fdw OPTIONS (host 'localhost', dbname 'elsewhere');
ALTER SERVER plain OWNER TO "Ödön Owner";
COMMENT ON SERVER "Server ü" IS 'a server with options';
GRANT USAGE ON FOREIGN SERVER "Server ü" TO "app reader" WITH GRANT OPTION;
REVOKE ALL ON FOREIGN SERVER plain FROM "Ödön Owner";
CREATE USER MAPPING FOR "Ödön Owner" SERVER "Server ü" OPTIONS (user 'odon', password 'se''cret');
CREATE USER MAPPING FOR PUBLIC SERVER "Server ü";
CREATE USER MAPPING FOR "app reader" SERVER remote_pg OPTIONS (user 'reader', password 'p4ss');
CREATE FOREIGN TABLE "Odd Schema"."Foreign ""T""" (
    id integer OPTIONS (column_name 'ID', "Odd" 'x') NOT NULL,
    "Name" text COLLATE "C" DEFAULT 'none',
    price numeric(10,2),
    CONSTRAINT "positive id" CHECK (id > 0)
) SERVER "Server ü" OPTIONS (schema_name 'remote', table_name 'T');
ALTER FOREIGN TABLE "Odd Schema"."Foreign ""T""" ALTER COLUMN price SET STATISTICS 200;
ALTER FOREIGN TABLE "Odd Schema"."Foreign ""T""" ALTER COLUMN "Name" SET STORAGE EXTERNAL;
ALTER FOREIGN TABLE "Odd Schema"."Foreign ""T""" OWNER TO "Ödön Owner";
COMMENT ON FOREIGN TABLE "Odd Schema"."Foreign ""T""" IS 'rows live elsewhere';
COMMENT ON COLUMN "Odd Schema"."Foreign ""T""".price IS 'in euros';
GRANT SELECT ON "Odd Schema"."Foreign ""T""" TO "app reader";
GRANT UPDATE ("Name") ON "Odd Schema"."Foreign ""T""" TO "app reader";
CREATE FOREIGN TABLE public.remote_items (id bigint, "Tags" "Ext ""Home""".hstore) SERVER remote_pg;
CREATE TABLE public.parent_rows (id integer, note text);
CREATE FOREIGN TABLE public.child_rows (extra text) INHERITS (public.parent_rows) SERVER plain;

-- Default privileges, global and per schema, granted and revoked.
ALTER DEFAULT PRIVILEGES FOR ROLE "Ödön Owner" IN SCHEMA "Odd Schema" GRANT SELECT, UPDATE ON TABLES TO "app reader";
ALTER DEFAULT PRIVILEGES FOR ROLE "Ödön Owner" REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
ALTER DEFAULT PRIVILEGES FOR ROLE "Ödön Owner" GRANT USAGE ON TYPES TO "app reader";
ALTER DEFAULT PRIVILEGES GRANT USAGE ON SEQUENCES TO "app reader" WITH GRANT OPTION;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO "app reader";

-- Large objects: empty, small, larger than one chunk; with owner, privileges and comment.
SELECT pg_catalog.lo_create(424242);
SELECT pg_catalog.lo_from_bytea(424243, 'small \000 contents'::bytea);
SELECT pg_catalog.lo_from_bytea(424244, convert_to((SELECT string_agg(md5(i::text), '') FROM generate_series(1, 80000) i), 'UTF8'));
ALTER LARGE OBJECT 424243 OWNER TO "Ödön Owner";
GRANT SELECT ON LARGE OBJECT 424243 TO "app reader";
GRANT SELECT, UPDATE ON LARGE OBJECT 424244 TO PUBLIC;
COMMENT ON LARGE OBJECT 424244 IS 'two and a half megabytes of hex';
