-- PostgreSQL 15: NULLS NOT DISTINCT on unique constraints and indexes.
SET search_path = "Tbl ""Odd"" Schema", public;

CREATE TABLE nulls_once (
    a   integer,
    b   text,
    CONSTRAINT "one null" UNIQUE NULLS NOT DISTINCT (a)
);
CREATE UNIQUE INDEX nulls_once_b ON nulls_once (b) NULLS NOT DISTINCT;
INSERT INTO nulls_once VALUES (NULL, 'x'), (1, NULL);
RESET search_path;
