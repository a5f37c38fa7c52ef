-- Tables, columns, constraints and indexes a 9.6 server can hold, with odd identifiers and a few rows each.
-- Needs the role app_reader on the server (column privileges).
CREATE SCHEMA "Tbl ""Odd"" Schema";
SET search_path = "Tbl ""Odd"" Schema", public;

CREATE TABLE "Müller's Table" (
    id          integer NOT NULL,
    "select"    text COLLATE "C" DEFAULT 'sé''lect' NOT NULL,
    "Mixed Case" numeric(12, 3) DEFAULT 1.5,
    "ω"         varchar(20),
    payload     text,
    tags        text[] DEFAULT '{}'::text[],
    born        timestamptz DEFAULT now(),
    "user"      boolean,
    CONSTRAINT "Müller pk" PRIMARY KEY (id) WITH (fillfactor = 80),
    CONSTRAINT "positive id" CHECK (id > 0),
    CONSTRAINT "mixed unique" UNIQUE ("Mixed Case", "ω") DEFERRABLE INITIALLY DEFERRED
) WITH (fillfactor = 70, autovacuum_enabled = false, toast.autovacuum_vacuum_threshold = 123);
ALTER TABLE "Müller's Table" ALTER COLUMN payload SET STORAGE EXTERNAL;
ALTER TABLE "Müller's Table" ALTER COLUMN "ω" SET STORAGE MAIN;
ALTER TABLE "Müller's Table" ALTER COLUMN "Mixed Case" SET STATISTICS 321;
ALTER TABLE "Müller's Table" ALTER COLUMN "select" SET STATISTICS 0;
ALTER TABLE "Müller's Table" ALTER COLUMN "ω" SET (n_distinct = -0.5, n_distinct_inherited = 12);
ALTER TABLE "Müller's Table" REPLICA IDENTITY FULL;
COMMENT ON TABLE "Müller's Table" IS 'Müller''s: a table';
COMMENT ON COLUMN "Müller's Table"."select" IS 'a reserved word';
COMMENT ON CONSTRAINT "positive id" ON "Müller's Table" IS 'ids start at 1';
COMMENT ON CONSTRAINT "Müller pk" ON "Müller's Table" IS 'the key';
GRANT SELECT ("ω", id), UPDATE ("Mixed Case") ON "Müller's Table" TO app_reader;
INSERT INTO "Müller's Table" (id, "select", "Mixed Case", "ω", payload, tags, born, "user") VALUES
    (1, 'a', 1.25, 'x', repeat('p', 5000), '{a,b}', '2020-01-01 00:00+00', true),
    (2, 'b', NULL, NULL, NULL, '{}', '2021-06-30 12:00+02', false),
    (3, E'tab\there', 3.5, 'ω', 'short', NULL, NULL, NULL);

CREATE UNLOGGED TABLE "Scratch Pad" (
    k   serial PRIMARY KEY,
    v   text
);
INSERT INTO "Scratch Pad" (v) VALUES ('one'), ('two');
ALTER TABLE "Scratch Pad" REPLICA IDENTITY NOTHING;

-- Every index access method, partial, expression, operator class, collation, ordering, storage parameters.
CREATE TABLE shapes (
    id      integer NOT NULL,
    name    text NOT NULL,
    area    circle,
    pos     point,
    words   tsvector,
    doc     jsonb,
    seen    date,
    CONSTRAINT shapes_name_key UNIQUE (name),
    CONSTRAINT "no overlap" EXCLUDE USING gist (area WITH &&) WHERE (id > 0)
);
CREATE UNIQUE INDEX shapes_id_idx ON shapes (id);
ALTER TABLE shapes REPLICA IDENTITY USING INDEX shapes_id_idx;
CREATE INDEX "shapes name pattern" ON shapes (name text_pattern_ops);
CREATE INDEX shapes_name_c ON shapes (name COLLATE "C" DESC NULLS LAST);
CREATE INDEX shapes_lower ON shapes (lower(name), (id + 1)) WHERE id > 1;
CREATE INDEX shapes_hash ON shapes USING hash (name);
CREATE INDEX shapes_gist ON shapes USING gist (pos);
CREATE INDEX shapes_gin ON shapes USING gin (words) WITH (fastupdate = off);
CREATE INDEX shapes_gin_doc ON shapes USING gin (doc jsonb_path_ops);
CREATE INDEX shapes_brin ON shapes USING brin (seen) WITH (pages_per_range = 16);
CREATE INDEX shapes_spgist ON shapes USING spgist (pos);
CREATE INDEX shapes_fill ON shapes (seen) WITH (fillfactor = 50);
ALTER TABLE shapes CLUSTER ON shapes_fill;
COMMENT ON INDEX shapes_gin IS 'full text';
COMMENT ON INDEX shapes_name_key IS 'index behind a constraint';
INSERT INTO shapes VALUES
    (1, 'one', '<(0,0),1>', '(1,1)', to_tsvector('simple', 'a b c'), '{"a": 1}', '2020-01-01'),
    (2, 'two', '<(10,10),1>', '(2,2)', to_tsvector('simple', 'd e'), '{"b": [1, 2]}', '2020-01-02'),
    (3, 'Three', NULL, NULL, NULL, NULL, NULL);

-- Foreign keys: every action, MATCH FULL, deferrable, self-reference, NOT VALID over rows that break it.
CREATE TABLE "Parent Keys" (
    a   integer,
    b   integer,
    c   text DEFAULT 'none',
    PRIMARY KEY (a, b),
    UNIQUE (c)
);
INSERT INTO "Parent Keys" VALUES (1, 1, 'x'), (1, 2, 'y'), (2, 1, 'none');
CREATE TABLE "Child Refs" (
    id      integer PRIMARY KEY,
    a       integer DEFAULT 1,
    b       integer DEFAULT 1,
    c       text DEFAULT 'none',
    up      integer REFERENCES "Child Refs" (id) ON DELETE SET NULL DEFERRABLE,
    loose   integer,
    CONSTRAINT "full match" FOREIGN KEY (a, b) REFERENCES "Parent Keys" (a, b) MATCH FULL
        ON UPDATE CASCADE ON DELETE CASCADE,
    CONSTRAINT by_c FOREIGN KEY (c) REFERENCES "Parent Keys" (c) ON DELETE SET DEFAULT ON UPDATE RESTRICT
        DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT simple_ab FOREIGN KEY (a, b) REFERENCES "Parent Keys" ON DELETE NO ACTION ON UPDATE SET NULL
);
INSERT INTO "Child Refs" VALUES (1, 1, 1, 'x', NULL, 7), (2, 1, 2, 'y', 1, 8), (3, NULL, NULL, 'none', 2, 99);
SET CONSTRAINTS ALL IMMEDIATE;  -- the script runs as one transaction: fire the deferred checks before ALTER
ALTER TABLE "Child Refs" ADD CONSTRAINT "loose ref" FOREIGN KEY (loose) REFERENCES "Child Refs" (id) NOT VALID;
ALTER TABLE "Child Refs" ADD CONSTRAINT "later check" CHECK (loose < 50) NOT VALID;
COMMENT ON CONSTRAINT "loose ref" ON "Child Refs" IS 'not validated';

-- Inheritance: multiple parents, local and inherited columns and checks, NO INHERIT, own defaults.
CREATE TABLE vehicle (
    id      integer NOT NULL,
    label   text DEFAULT 'vehicle',
    wheels  smallint DEFAULT 4 CHECK (wheels >= 0),
    note    text,
    CONSTRAINT vehicle_only CHECK (id < 1000000) NO INHERIT
);
CREATE TABLE "Insured" (
    policy  text NOT NULL DEFAULT 'none',
    id      integer
);
CREATE TABLE car (
    doors   smallint DEFAULT 4,
    label   text DEFAULT 'car',
    CONSTRAINT vehicle_wheels_check CHECK (wheels >= 0)
) INHERITS (vehicle, "Insured");
CREATE TABLE "Sports Car" (
    top_speed integer
) INHERITS (car);
ALTER TABLE ONLY car ALTER COLUMN note SET DEFAULT 'inherited column, own default';
ALTER TABLE ONLY "Sports Car" ALTER COLUMN wheels DROP DEFAULT;
ALTER TABLE ONLY "Sports Car" ALTER COLUMN note SET NOT NULL;
ALTER TABLE car ADD CONSTRAINT "car only" CHECK (doors > 0) NO INHERIT;
COMMENT ON COLUMN car.wheels IS 'inherited, commented on the child';
INSERT INTO vehicle VALUES (1, 'bike', 2, 'n');
INSERT INTO car (id, label, wheels, policy, doors) VALUES (2, 'a car', 4, 'p-1', 5);
INSERT INTO "Sports Car" (id, label, policy, doors, note, top_speed)
    VALUES (3, 'a very long label that is longer than forty characters', 'p-2', 2, 'fast', 300);
ALTER TABLE vehicle ADD CONSTRAINT "short label" CHECK (length(label) < 40) NOT VALID;
CREATE INDEX car_doors ON car (doors);

-- Sequences owned by columns of a table in an odd schema, and a table without columns.
CREATE TABLE "Empty" ();
INSERT INTO "Empty" DEFAULT VALUES;
RESET search_path;
