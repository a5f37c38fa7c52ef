-- PostgreSQL 12: stored generated columns (also inherited and in partitions) and foreign keys that
-- reference a partitioned table.
SET search_path = "Tbl ""Odd"" Schema", public;

CREATE TABLE "Gen Table" (
    a       integer,
    b       integer GENERATED ALWAYS AS (a * 2) STORED,
    "C c"   text GENERATED ALWAYS AS ('c' || (a + 1)::text) STORED,
    d       numeric DEFAULT 0
);
INSERT INTO "Gen Table" (a) VALUES (1), (2), (NULL);
CREATE TABLE gen_child (e integer) INHERITS ("Gen Table");
INSERT INTO gen_child (a, e) VALUES (5, 6);

CREATE TABLE gen_parted (
    k   integer NOT NULL,
    g   integer GENERATED ALWAYS AS (k + 100) STORED,
    PRIMARY KEY (k)
) PARTITION BY RANGE (k);
CREATE TABLE gen_parted_low PARTITION OF gen_parted FOR VALUES FROM (MINVALUE) TO (10);
CREATE TABLE gen_parted_high PARTITION OF gen_parted FOR VALUES FROM (10) TO (MAXVALUE);
INSERT INTO gen_parted (k) VALUES (1), (50);

CREATE TABLE "Refers Parted" (
    id  integer PRIMARY KEY,
    k   integer REFERENCES gen_parted (k) ON UPDATE CASCADE
);
INSERT INTO "Refers Parted" VALUES (1, 1), (2, 50), (3, NULL);
CREATE TABLE heap_explicit (x integer) USING heap;
INSERT INTO heap_explicit VALUES (1);
RESET search_path;
