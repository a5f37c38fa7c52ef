-- Relations in a tablespace other than the database's default. Needs the tablespace "Fast Disk" (12+ source:
-- a partitioned table keeps its tablespace for partitions created later).
CREATE SCHEMA spaced;
CREATE TABLE spaced.stored (
    id      integer CONSTRAINT stored_pk PRIMARY KEY USING INDEX TABLESPACE "Fast Disk",
    code    text,
    area    circle,
    CONSTRAINT stored_code UNIQUE (code) WITH (fillfactor = 60) USING INDEX TABLESPACE "Fast Disk" DEFERRABLE,
    CONSTRAINT stored_no_overlap EXCLUDE USING gist (area WITH &&) USING INDEX TABLESPACE "Fast Disk"
) TABLESPACE "Fast Disk";
CREATE INDEX stored_code_lower ON spaced.stored (lower(code)) TABLESPACE "Fast Disk" WHERE id > 1;
CREATE TABLE spaced.parted (k integer, v text) PARTITION BY RANGE (k) TABLESPACE "Fast Disk";
CREATE TABLE spaced.parted_1 PARTITION OF spaced.parted FOR VALUES FROM (0) TO (10);
CREATE TABLE spaced.parted_2 PARTITION OF spaced.parted FOR VALUES FROM (10) TO (20) TABLESPACE pg_default;
CREATE INDEX parted_v ON spaced.parted (v) TABLESPACE "Fast Disk";
INSERT INTO spaced.stored VALUES (1, 'a', '<(0,0),1>'), (2, 'B', NULL);
INSERT INTO spaced.parted VALUES (1, 'one'), (15, 'fifteen');
