-- Base types, a range with a canonical function, and a shell type nobody completed. Their functions are
-- LANGUAGE internal ones that reuse built-in C code, so no library needs compiling; creating them takes a
-- superuser. Each type is made the documented way: shell, then functions, then the full definition.
CREATE SCHEMA "Base";
CREATE TYPE "Base"."Int 42";
CREATE FUNCTION "Base".int42_in(cstring) RETURNS "Base"."Int 42" LANGUAGE internal IMMUTABLE STRICT AS 'int4in';
CREATE FUNCTION "Base".int42_out("Base"."Int 42") RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'int4out';
CREATE FUNCTION "Base".int42_recv(internal) RETURNS "Base"."Int 42" LANGUAGE internal IMMUTABLE STRICT
    AS 'int4recv';
CREATE FUNCTION "Base".int42_send("Base"."Int 42") RETURNS bytea LANGUAGE internal IMMUTABLE STRICT AS 'int4send';
CREATE TYPE "Base"."Int 42" (INPUT = "Base".int42_in, OUTPUT = "Base".int42_out, RECEIVE = "Base".int42_recv,
    SEND = "Base".int42_send, INTERNALLENGTH = 4, PASSEDBYVALUE, ALIGNMENT = int4, STORAGE = plain,
    CATEGORY = 'N', DEFAULT = '42', DELIMITER = ';');
COMMENT ON TYPE "Base"."Int 42" IS 'forty-two';
REVOKE USAGE ON TYPE "Base"."Int 42" FROM PUBLIC;

CREATE TYPE public.text_like;
CREATE FUNCTION public.text_like_in(cstring) RETURNS public.text_like LANGUAGE internal IMMUTABLE STRICT
    AS 'textin';
CREATE FUNCTION public.text_like_out(public.text_like) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT
    AS 'textout';
CREATE TYPE public.text_like (INPUT = public.text_like_in, OUTPUT = public.text_like_out, LIKE = text,
    COLLATABLE = true, PREFERRED = true, CATEGORY = 'S');

CREATE TYPE public.int4r;
CREATE FUNCTION public.int4r_canon(public.int4r) RETURNS public.int4r LANGUAGE internal IMMUTABLE STRICT
    AS 'int4range_canonical';
CREATE TYPE public.int4r AS RANGE (subtype = integer, canonical = public.int4r_canon,
    subtype_diff = pg_catalog.int4range_subdiff);

CREATE TYPE public.never_defined;
COMMENT ON TYPE public.never_defined IS 'a shell';

CREATE TABLE public.uses (a "Base"."Int 42", b public.text_like, c public.int4r, d "Base"."Int 42"[]);
INSERT INTO public.uses VALUES ('7', 'hello', '[1,5]', '{1;2}'), (DEFAULT, NULL, 'empty', NULL);
