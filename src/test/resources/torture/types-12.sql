-- Nondeterministic collations, from PostgreSQL 12 on.
CREATE COLLATION public.case_insensitive (provider = icu, locale = 'und-u-ks-level2', deterministic = false);
CREATE DOMAIN public."Tag" AS text COLLATE public.case_insensitive CHECK (VALUE <> '');
CREATE TABLE public.tags (tag public."Tag" PRIMARY KEY);
INSERT INTO public.tags VALUES ('Red'), ('green');
