-- PostgreSQL 18: NOT NULL constraints with names, NO INHERIT and NOT VALID; virtual generated columns.
SET search_path = "Tbl ""Odd"" Schema", public;

CREATE TABLE nn_parent (
    a   integer CONSTRAINT "a must exist" NOT NULL,
    b   integer NOT NULL NO INHERIT,
    c   integer
);
CREATE TABLE nn_child (d integer NOT NULL) INHERITS (nn_parent);
ALTER TABLE nn_child ADD CONSTRAINT "child's c" NOT NULL c;
COMMENT ON CONSTRAINT "a must exist" ON nn_parent IS 'named NOT NULL';
COMMENT ON CONSTRAINT "child's c" ON nn_child IS 'local NOT NULL of an inherited column';
INSERT INTO nn_parent VALUES (1, 2, 3);
INSERT INTO nn_child VALUES (4, NULL, 6, 7);

CREATE TABLE nn_later (x integer, y integer);
INSERT INTO nn_later VALUES (1, NULL), (2, 2);
ALTER TABLE nn_later ADD CONSTRAINT "y, later" NOT NULL y NOT VALID;
COMMENT ON CONSTRAINT "y, later" ON nn_later IS 'not valid yet';

CREATE TABLE virtual_gen (
    a   integer,
    v   integer GENERATED ALWAYS AS (a * 3) VIRTUAL,
    s   text GENERATED ALWAYS AS ('s' || a) STORED
);
INSERT INTO virtual_gen (a) VALUES (1), (NULL);
RESET search_path;
