-- PostgreSQL 14: per-column compression.
SET search_path = "Tbl ""Odd"" Schema", public;

CREATE TABLE compressed (
    id      integer,
    body    text COMPRESSION pglz,
    other   text
);
ALTER TABLE compressed ALTER COLUMN other SET COMPRESSION pglz;
INSERT INTO compressed VALUES (1, repeat('z', 10000), 'o');
RESET search_path;
