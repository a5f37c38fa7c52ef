-- Multiranges, from PostgreSQL 14 on: a chosen multirange name, a default one, and a bare range type.
CREATE TYPE "Types & Co"."Shift" AS RANGE (subtype = time, multirange_type_name = "Types & Co"."Shifts");
CREATE TYPE public.bare AS RANGE (subtype = bigint);
CREATE TABLE "Types & Co".rosters (
    days "Types & Co"."Shifts",
    one "Types & Co"."Shift",
    counts public.bare_multirange,
    many public.bare[]
);
INSERT INTO "Types & Co".rosters VALUES ('{[08:00,12:00), [13:00,17:00)}', '[08:00,12:00)', '{[1,3), [5,8)}',
    '{"[1,2)","empty"}');
