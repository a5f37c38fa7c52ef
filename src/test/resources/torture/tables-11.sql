-- PostgreSQL 11: hash partitions, default partitions, keys and indexes on partitioned tables (created ON
-- ONLY the parent and attached per partition), INCLUDE columns, statistics targets on index expressions,
-- foreign keys from partitioned tables.
SET search_path = "Tbl ""Odd"" Schema", public;

CREATE TABLE "Hash Parted" (
    id      integer NOT NULL,
    "Val"   text,
    CONSTRAINT "Hash Parted pk" PRIMARY KEY (id) INCLUDE ("Val")
) PARTITION BY HASH (id);
CREATE TABLE hash_p0 PARTITION OF "Hash Parted" FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE hash_p1 PARTITION OF "Hash Parted" FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE "hash p2" PARTITION OF "Hash Parted" FOR VALUES WITH (MODULUS 3, REMAINDER 2);
CREATE INDEX hash_val ON "Hash Parted" ("Val" DESC) WHERE id > 0;
INSERT INTO "Hash Parted" SELECT g, 'v' || g FROM generate_series(1, 12) g;

CREATE TABLE orders (
    region  text NOT NULL,
    id      integer NOT NULL,
    item    integer REFERENCES shapes (id) ON DELETE CASCADE,
    placed  date,
    UNIQUE (region, id)
) PARTITION BY LIST (region);
CREATE TABLE orders_eu PARTITION OF orders FOR VALUES IN ('eu');
CREATE TABLE orders_other PARTITION OF orders DEFAULT;
-- A partition with an index of its own, attached to the parent's when the parent's is created.
CREATE TABLE orders_us (LIKE orders);
CREATE INDEX "orders us placed" ON orders_us (placed);
ALTER TABLE orders ATTACH PARTITION orders_us FOR VALUES IN ('us');
CREATE INDEX orders_placed ON orders (placed);
CREATE INDEX orders_expr ON orders ((id * 2), lower(region));
ALTER INDEX orders_expr ALTER COLUMN 1 SET STATISTICS 222;
CREATE INDEX lone_expr ON "Hash Parted" USING btree (("Val" || 'x'));
ALTER INDEX lone_expr ALTER COLUMN 1 SET STATISTICS 77;
CREATE INDEX eu_only ON orders_eu (id) INCLUDE (placed);
COMMENT ON INDEX orders_placed IS 'on the partitioned table';
INSERT INTO orders VALUES ('eu', 1, 1, '2020-01-01'), ('us', 2, 2, NULL), ('mars', 3, 3, '2030-01-01'),
    ('eu', 4, NULL, NULL);
RESET search_path;
