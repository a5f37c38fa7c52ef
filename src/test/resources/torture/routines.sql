-- Routines, aggregates, operators, operator classes and families, a procedural language and a transform,
-- as PostgreSQL 9.6 and later know them. The roles routine_owner and routine_user must exist.
-- Identifiers are odd on purpose: quotes, spaces, mixed case, Unicode and reserved words.
CREATE SCHEMA "Rout ""ines""";
COMMENT ON SCHEMA "Rout ""ines""" IS 'functions live here';

-- Overloads of one odd name: the signature is what tells them apart in ALTER, COMMENT and GRANT.
CREATE FUNCTION "Rout ""ines"""."Sélect"() RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT 1 $$;
CREATE FUNCTION "Rout ""ines"""."Sélect"(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT $1 $$;
CREATE FUNCTION "Rout ""ines"""."Sélect"("from" text, "to" text DEFAULT 'z') RETURNS text
    LANGUAGE sql IMMUTABLE AS $$ SELECT "from" || "to" $$;
COMMENT ON FUNCTION "Rout ""ines"""."Sélect"(integer) IS 'the one with an argument: ''quoted'' and ünïcode';

-- Every attribute at once, with modes, defaults and SET clauses (search_path is a quoted list).
CREATE FUNCTION public."order"(a integer, INOUT b text DEFAULT 'x', VARIADIC c integer[] DEFAULT '{}')
    LANGUAGE sql STABLE STRICT SECURITY DEFINER LEAKPROOF PARALLEL SAFE COST 7
    SET search_path = public, "Rout ""ines""", "odd path" SET work_mem = '8MB'
    AS $$ SELECT b || a::text $$;
ALTER FUNCTION public."order"(integer, text, integer[]) OWNER TO routine_owner;
REVOKE ALL ON FUNCTION public."order"(integer, text, integer[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION public."order"(integer, text, integer[]) TO routine_user WITH GRANT OPTION;

CREATE FUNCTION public.restricted_rows(n integer) RETURNS SETOF integer
    LANGUAGE sql VOLATILE PARALLEL RESTRICTED ROWS 42 AS $$ SELECT generate_series(1, n) $$;
CREATE FUNCTION public.a_table(n integer) RETURNS TABLE ("Key" integer, value text)
    LANGUAGE sql AS $$ SELECT g, g::text FROM generate_series(1, n) g $$;

-- A body that holds the default dollar-quote tag, quotes, backslashes and semicolons.
CREATE FUNCTION public.tricky_body(t text) RETURNS text LANGUAGE plpgsql AS $body$
BEGIN
    -- $function$ appears here; so do 'quotes', \backslashes\ and ; semicolons
    RETURN t || '$function$' || E'\\';
END
$body$;

-- A window function written in C (internal): pg_get_functiondef prints WINDOW.
CREATE FUNCTION public.my_row_number() RETURNS bigint LANGUAGE internal WINDOW IMMUTABLE AS 'window_row_number';

-- A function whose body refers to a table created later: bodies are not checked while restoring.
SET check_function_bodies = off;
CREATE FUNCTION public.count_ledger() RETURNS bigint LANGUAGE sql STABLE AS $$ SELECT count(*) FROM public.ledger $$;

-- Functions a table needs for its default and its CHECK constraint.
CREATE FUNCTION public.next_code() RETURNS text LANGUAGE sql AS $$ SELECT 'C-' || pg_catalog.md5(pg_catalog.random()::text) $$;
CREATE FUNCTION public.valid_amount(numeric) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 > 0 $$;
CREATE TABLE public.ledger (
    id integer PRIMARY KEY,
    code text NOT NULL DEFAULT public.next_code(),
    amount numeric CHECK (public.valid_amount(amount))
);
INSERT INTO public.ledger (id, amount) VALUES (1, 10), (2, 20.5);

-- A function over the table's row type and its array type: it must wait for the table.
CREATE FUNCTION public.ledger_label(l public.ledger, others public.ledger[]) RETURNS text
    LANGUAGE sql AS $$ SELECT l.code || ' of ' || pg_catalog.array_length(others, 1) $$;

-- Aggregates.
CREATE FUNCTION "Rout ""ines""".add_int(state integer, x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT state + x $$;
CREATE FUNCTION "Rout ""ines""".sub_int(state integer, x integer) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT state - x $$;
CREATE FUNCTION "Rout ""ines""".twice(state integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT state * 2 $$;
CREATE FUNCTION "Rout ""ines""".greater(a integer, b integer) RETURNS integer
    LANGUAGE sql IMMUTABLE AS $$ SELECT greatest(a, b) $$;

CREATE AGGREGATE "Rout ""ines"""."Sum ""All""" (integer) (
    SFUNC = "Rout ""ines""".add_int, STYPE = integer, INITCOND = '0', FINALFUNC = "Rout ""ines""".twice,
    SSPACE = 16,
    MSFUNC = "Rout ""ines""".add_int, MINVFUNC = "Rout ""ines""".sub_int, MSTYPE = integer, MSSPACE = 8,
    MINITCOND = '0', MFINALFUNC = "Rout ""ines""".twice);
COMMENT ON AGGREGATE "Rout ""ines"""."Sum ""All""" (integer) IS 'moving aggregate';
ALTER AGGREGATE "Rout ""ines"""."Sum ""All""" (integer) OWNER TO routine_owner;
REVOKE EXECUTE ON FUNCTION "Rout ""ines"""."Sum ""All"""(integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION "Rout ""ines"""."Sum ""All"""(integer) TO routine_user;

CREATE AGGREGATE public.my_max (integer) (
    SFUNC = "Rout ""ines""".greater, STYPE = integer, SORTOP = >, COMBINEFUNC = "Rout ""ines""".greater,
    PARALLEL = SAFE);

-- Built-in support functions give an internal-state aggregate with serialisation, as avg(numeric) has.
CREATE AGGREGATE public.my_avg (numeric) (
    SFUNC = numeric_avg_accum, STYPE = internal, FINALFUNC = numeric_avg, COMBINEFUNC = numeric_avg_combine,
    SERIALFUNC = numeric_avg_serialize, DESERIALFUNC = numeric_avg_deserialize, PARALLEL = RESTRICTED);

CREATE AGGREGATE public."count stars" (*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');
CREATE FUNCTION public.push(anyarray, anyelement) RETURNS anyarray LANGUAGE sql IMMUTABLE AS $$ SELECT $1 || $2 $$;
CREATE AGGREGATE public.collect (anyelement) (SFUNC = public.push, STYPE = anyarray, INITCOND = '{}');

-- Ordered-set and hypothetical-set aggregates, built like percentile_disc and rank.
CREATE AGGREGATE public.my_percentile (double precision ORDER BY anyelement) (
    SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);
CREATE AGGREGATE public.my_rank (VARIADIC "any" ORDER BY VARIADIC "any") (
    SFUNC = ordered_set_transition_multi, STYPE = internal, FINALFUNC = rank_final, FINALFUNC_EXTRA,
    HYPOTHETICAL);
GRANT EXECUTE ON FUNCTION public.my_rank("any") TO routine_user;

-- Operators: ===/!== name each other as commutator and negator before !== exists (a shell is made).
CREATE FUNCTION "Rout ""ines""".int_eq(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 = $2 $$;
CREATE FUNCTION "Rout ""ines""".int_ne(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 <> $2 $$;
CREATE FUNCTION "Rout ""ines""".int_lt(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 < $2 $$;
CREATE FUNCTION "Rout ""ines""".int_gt(integer, integer) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$ SELECT $1 > $2 $$;
CREATE FUNCTION "Rout ""ines""".int_cmp(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN $1 < $2 THEN -1 WHEN $1 > $2 THEN 1 ELSE 0 END $$;
CREATE FUNCTION "Rout ""ines""".negate(integer) RETURNS integer LANGUAGE sql IMMUTABLE AS $$ SELECT -$1 $$;

CREATE OPERATOR public.=== (
    LEFTARG = integer, RIGHTARG = integer, PROCEDURE = "Rout ""ines""".int_eq,
    COMMUTATOR = OPERATOR(public.===), NEGATOR = OPERATOR(public.!==),
    RESTRICT = eqsel, JOIN = eqjoinsel, HASHES, MERGES);
CREATE OPERATOR public.!== (
    LEFTARG = integer, RIGHTARG = integer, PROCEDURE = "Rout ""ines""".int_ne,
    COMMUTATOR = OPERATOR(public.!==), NEGATOR = OPERATOR(public.===), RESTRICT = neqsel, JOIN = neqjoinsel);
-- Unqualified, the commutators below name shells in public (the first schema of the search_path), which
-- nobody fills in: shells are not copied, the target makes them again when <<< and >>> are created.
CREATE OPERATOR "Rout ""ines""".<<< (LEFTARG = integer, RIGHTARG = integer, PROCEDURE = "Rout ""ines""".int_lt,
    COMMUTATOR = >>>);
CREATE OPERATOR "Rout ""ines""".>>> (LEFTARG = integer, RIGHTARG = integer, PROCEDURE = "Rout ""ines""".int_gt,
    COMMUTATOR = <<<);
-- A prefix operator (no left argument).
CREATE OPERATOR public.~~~ (RIGHTARG = integer, PROCEDURE = "Rout ""ines""".negate);
COMMENT ON OPERATOR public.=== (integer, integer) IS 'strict equality';
COMMENT ON OPERATOR public.~~~ (NONE, integer) IS 'negation';
ALTER OPERATOR "Rout ""ines""".<<< (integer, integer) OWNER TO routine_owner;

-- An operator family with a class in it and loose members added to the family alone.
CREATE OPERATOR FAMILY "Rout ""ines"""."Int Ops" USING btree;
CREATE OPERATOR CLASS "Rout ""ines"""."Int Ops" FOR TYPE integer USING btree FAMILY "Rout ""ines"""."Int Ops" AS
    OPERATOR 1 "Rout ""ines""".<<<, OPERATOR 3 public.===, OPERATOR 5 "Rout ""ines""".>>>,
    FUNCTION 1 "Rout ""ines""".int_cmp(integer, integer);
CREATE FUNCTION "Rout ""ines""".int_big_cmp(integer, bigint) RETURNS integer LANGUAGE sql IMMUTABLE
    AS $$ SELECT CASE WHEN $1 < $2 THEN -1 WHEN $1 > $2 THEN 1 ELSE 0 END $$;
ALTER OPERATOR FAMILY "Rout ""ines"""."Int Ops" USING btree ADD
    OPERATOR 1 < (integer, bigint), OPERATOR 3 = (integer, bigint),
    FUNCTION 1 (integer, bigint) "Rout ""ines""".int_big_cmp(integer, bigint);
COMMENT ON OPERATOR FAMILY "Rout ""ines"""."Int Ops" USING btree IS 'a family';
COMMENT ON OPERATOR CLASS "Rout ""ines"""."Int Ops" USING btree IS 'a class';
ALTER OPERATOR CLASS "Rout ""ines"""."Int Ops" USING btree OWNER TO routine_owner;
CREATE INDEX ledger_by_id ON public.ledger USING btree (id "Rout ""ines"""."Int Ops");

-- A class that creates its family implicitly; one with a STORAGE type (brin: gin and gist would, from 13 on,
-- file some of their support functions under the family, so the target's catalog would differ from a 12
-- source's even with pg_dump); and a DEFAULT class for a type that has no btree class of its own.
CREATE OPERATOR CLASS public.int_hash_ops FOR TYPE integer USING hash AS
    OPERATOR 1 public.===, FUNCTION 1 hashint4(integer);
CREATE OPERATOR CLASS public."my brin" FOR TYPE integer USING brin AS
    OPERATOR 1 <(integer, integer), OPERATOR 2 <=(integer, integer), OPERATOR 3 =(integer, integer),
    OPERATOR 4 >=(integer, integer), OPERATOR 5 >(integer, integer),
    FUNCTION 1 brin_minmax_opcinfo(internal),
    FUNCTION 2 brin_minmax_add_value(internal, internal, internal, internal),
    FUNCTION 3 brin_minmax_consistent(internal, internal, internal),
    FUNCTION 4 brin_minmax_union(internal, internal, internal),
    STORAGE bigint;
CREATE FUNCTION public.point_cmp(point, point) RETURNS integer LANGUAGE sql IMMUTABLE STRICT
    AS $$ SELECT CASE WHEN $1[0] < $2[0] THEN -1 WHEN $1[0] > $2[0] THEN 1 ELSE 0 END $$;
CREATE OPERATOR CLASS public.point_by_x DEFAULT FOR TYPE point USING btree AS FUNCTION 1 public.point_cmp(point, point);

-- A procedural language that is not an extension, with its handler borrowed from plpgsql.
CREATE FUNCTION public."My Handler"() RETURNS language_handler LANGUAGE c
    AS '$libdir/plpgsql', 'plpgsql_call_handler';
CREATE FUNCTION public.my_inline(internal) RETURNS void LANGUAGE c STRICT AS '$libdir/plpgsql', 'plpgsql_inline_handler';
CREATE TRUSTED LANGUAGE "My Lang" HANDLER public."My Handler" INLINE public.my_inline;
COMMENT ON LANGUAGE "My Lang" IS 'plpgsql by another name';
ALTER LANGUAGE "My Lang" OWNER TO routine_owner;
REVOKE ALL ON LANGUAGE "My Lang" FROM PUBLIC;
GRANT USAGE ON LANGUAGE "My Lang" TO routine_user;
CREATE FUNCTION public.in_my_lang(n integer) RETURNS integer LANGUAGE "My Lang" AS $$ BEGIN RETURN n + 1; END $$;

-- A transform, and a function that uses it.
CREATE FUNCTION public.int_from_sql(internal) RETURNS internal LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE FUNCTION public.int_to_sql(internal) RETURNS integer LANGUAGE internal IMMUTABLE STRICT AS 'int4recv';
CREATE TRANSFORM FOR integer LANGUAGE "My Lang" (
    FROM SQL WITH FUNCTION public.int_from_sql(internal), TO SQL WITH FUNCTION public.int_to_sql(internal));
COMMENT ON TRANSFORM FOR integer LANGUAGE "My Lang" IS 'never really called';
CREATE FUNCTION public.uses_transform(x integer) RETURNS integer LANGUAGE "My Lang" TRANSFORM FOR TYPE integer
    AS $$ BEGIN RETURN x; END $$;
