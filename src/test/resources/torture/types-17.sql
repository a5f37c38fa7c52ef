-- From PostgreSQL 17 on: the builtin collation provider, and NOT NULL domain constraints with names.
CREATE COLLATION public."C builtin" (provider = builtin, locale = 'C');
CREATE DOMAIN public.required AS integer CONSTRAINT "must be there" NOT NULL CHECK (VALUE >= 0);
CREATE DOMAIN public.also_required AS text NOT NULL;
COMMENT ON CONSTRAINT "must be there" ON DOMAIN public.required IS 'never null';
CREATE TABLE public.needs (a public.required, b public.also_required COLLATE public."C builtin");
INSERT INTO public.needs VALUES (1, 'x');
