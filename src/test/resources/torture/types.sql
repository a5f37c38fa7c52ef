-- Types, collations, conversions and casts that any source from 9.6 on can hold, with awkward names.
-- The roles types_owner and "Types Reader" must exist. Enum values added with ALTER TYPE ... ADD VALUE
-- are added by the test, one statement at a time: 9.6 refuses them inside a multi-statement string.

CREATE SCHEMA "Types & Co";

-- Enums: quotes, Unicode, an empty one; privileges and comments.
CREATE TYPE "Types & Co"."Mood" AS ENUM ('sad', 'ok', 'happy', 'it''s "great"', 'ünïcode ✓');
COMMENT ON TYPE "Types & Co"."Mood" IS 'how it''s going';
ALTER TYPE "Types & Co"."Mood" OWNER TO types_owner;
REVOKE USAGE ON TYPE "Types & Co"."Mood" FROM PUBLIC;
GRANT USAGE ON TYPE "Types & Co"."Mood" TO "Types Reader" WITH GRANT OPTION;
CREATE TYPE public."select" AS ENUM ();

-- Collations (libc: only locales every machine has).
CREATE COLLATION "Types & Co"."Posix Order" (locale = 'POSIX');
CREATE COLLATION public.split_locale (lc_collate = 'C', lc_ctype = 'POSIX');
COMMENT ON COLLATION "Types & Co"."Posix Order" IS 'byte order';
ALTER COLLATION public.split_locale OWNER TO types_owner;

-- Domains: defaults, NOT NULL, named and unnamed checks, a collation, a domain over a domain and over an array.
CREATE DOMAIN "Types & Co".positive AS integer CONSTRAINT "must be > 0" CHECK (VALUE > 0);
CREATE DOMAIN "Types & Co"."Code" AS character varying(12) COLLATE "Types & Co"."Posix Order"
    DEFAULT 'none'::character varying NOT NULL
    CHECK (VALUE::text ~ '^[a-z]+$') CHECK (length(VALUE) > 1);
CREATE DOMAIN public.small_positive AS "Types & Co".positive CHECK (VALUE < 100);
CREATE DOMAIN public.moods AS "Types & Co"."Mood"[] DEFAULT '{}';
CREATE DOMAIN public.even AS bigint;
ALTER DOMAIN public.even ADD CONSTRAINT "is even" CHECK (VALUE % 2 = 0) NOT VALID;
COMMENT ON DOMAIN public.even IS 'checked for new rows only';
COMMENT ON CONSTRAINT "must be > 0" ON DOMAIN "Types & Co".positive IS 'zero is not positive';
COMMENT ON CONSTRAINT "is even" ON DOMAIN public.even IS 'added late';
ALTER DOMAIN "Types & Co"."Code" OWNER TO types_owner;
GRANT USAGE ON DOMAIN "Types & Co"."Code" TO "Types Reader";

-- Composite types: typmods, collations, nested composite, array of enum; attribute comments.
CREATE TYPE "Types & Co"."Point 3D" AS (x double precision, y double precision, "Z" numeric(10,2));
CREATE TYPE public.labelled AS (
    label text COLLATE "C",
    at "Types & Co"."Point 3D",
    moods "Types & Co"."Mood"[],
    code "Types & Co"."Code"
);
CREATE TYPE public.nothing AS ();
COMMENT ON TYPE public.labelled IS 'a point with a label';
COMMENT ON COLUMN public.labelled.label IS 'what to call it';
REVOKE ALL ON TYPE public.labelled FROM PUBLIC;

-- Range types: every option but canonical (which needs a C function); a bare one over an enum, whose
-- multirange_type_name (14 on) is the last option pg_dump prints (see PgDumpOracle).
CREATE TYPE public.mood_range AS RANGE (subtype = "Types & Co"."Mood");
CREATE TYPE "Types & Co"."Float Range" AS RANGE (subtype = double precision, subtype_diff = float8mi);
CREATE TYPE public.text_range AS RANGE (subtype = text, collation = "Types & Co"."Posix Order");
CREATE TYPE public.pattern_range AS RANGE (subtype = text, subtype_opclass = text_pattern_ops);
COMMENT ON TYPE public.text_range IS 'ranges of words';
ALTER TYPE public.text_range OWNER TO types_owner;

-- Conversions use built-in conversion functions, which every target has.
CREATE CONVERSION "Types & Co"."latin1 to utf8" FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
CREATE DEFAULT CONVERSION public.koi8r_to_utf8 FOR 'KOI8R' TO 'UTF8' FROM koi8r_to_utf8;
COMMENT ON CONVERSION "Types & Co"."latin1 to utf8" IS 'identical to the built-in one';
ALTER CONVERSION public.koi8r_to_utf8 OWNER TO types_owner;

-- Casts; the one WITH FUNCTION uses a built-in function, since user functions are another reader's.
CREATE CAST ("Types & Co"."Mood" AS text) WITH INOUT AS IMPLICIT;
CREATE CAST (text AS "Types & Co"."Mood") WITH INOUT AS ASSIGNMENT;
CREATE CAST (bytea AS text) WITHOUT FUNCTION;
CREATE CAST ("Types & Co".positive AS bigint) WITH FUNCTION pg_catalog.int8(integer) AS ASSIGNMENT;
CREATE CAST (public.labelled AS text) WITH INOUT;
COMMENT ON CAST ("Types & Co"."Mood" AS text) IS 'moods read as words';

-- Tables using the types, created before nothing but their types; rows for the data copy.
CREATE TABLE public."Diary" (
    id integer PRIMARY KEY,
    mood "Types & Co"."Mood" NOT NULL,
    moods "Types & Co"."Mood"[],
    code "Types & Co"."Code",
    even public.even,
    spot public.labelled,
    span "Types & Co"."Float Range",
    words public.text_range,
    small public.small_positive,
    name text COLLATE public.split_locale
);
INSERT INTO public."Diary" VALUES
    (1, 'happy', '{sad,ok}', 'abc', 4, ROW('here', ROW(1.5, -2.25, 3.1)::"Types & Co"."Point 3D", '{happy}', 'xy'),
     '[1.5,2.5)', '[a,b]', 7, 'zoë'),
    (2, 'it''s "great"', '{"ünïcode ✓","it''s \"great\""}', DEFAULT, NULL, NULL, 'empty', '(,m)', NULL, NULL),
    (3, 'sad', NULL, 'zz', 6, ROW(NULL, NULL, NULL, 'ab'), '(,)', NULL, 99, '');
CREATE TABLE "Types & Co".pairs (p "Types & Co"."Point 3D"[], e public."select");
INSERT INTO "Types & Co".pairs VALUES ('{"(1,2,3)","(4,5,6.5)"}', NULL);

-- A typed table: its columns come from a composite type, with a key, a default and a NOT NULL of its own.
CREATE TABLE "Types & Co"."Typed Points" OF "Types & Co"."Point 3D" (
    x WITH OPTIONS PRIMARY KEY,
    "Z" WITH OPTIONS DEFAULT 0 NOT NULL
);
COMMENT ON TABLE "Types & Co"."Typed Points" IS 'rows shaped by a type';
INSERT INTO "Types & Co"."Typed Points" VALUES (1.5, -2, 3.25), (2, NULL, DEFAULT);
