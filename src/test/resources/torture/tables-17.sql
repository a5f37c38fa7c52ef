-- PostgreSQL 17: identity columns on partitioned tables (the partitions share the parent's sequence) and
-- access methods on partitioned tables.
SET search_path = "Tbl ""Odd"" Schema", public;

CREATE TABLE ident_parted (
    id  bigint GENERATED ALWAYS AS IDENTITY (START WITH 10),
    k   integer
) PARTITION BY RANGE (k);
CREATE TABLE ident_parted_low PARTITION OF ident_parted FOR VALUES FROM (MINVALUE) TO (10);
CREATE TABLE ident_parted_high PARTITION OF ident_parted FOR VALUES FROM (10) TO (MAXVALUE);
INSERT INTO ident_parted (k) VALUES (1), (20), (3);
CREATE TABLE am_parted (a integer) PARTITION BY LIST (a) USING heap;
CREATE TABLE am_parted_1 PARTITION OF am_parted FOR VALUES IN (1);
INSERT INTO am_parted VALUES (1);
RESET search_path;
