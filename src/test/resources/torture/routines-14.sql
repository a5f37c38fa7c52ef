-- What PostgreSQL 14 added: SQL-standard function bodies, which are parsed when created, so the tables
-- they read must exist first; and OUT parameters for procedures. Applied after routines-12.sql.
-- The test runs each blank-line-separated block on its own: pgjdbc stops splitting a string at semicolons
-- once it has seen BEGIN ATOMIC, so each such body ends its block.
CREATE FUNCTION "Rout ""ines""".double_it(x integer) RETURNS integer LANGUAGE sql IMMUTABLE RETURN x * 2;
CREATE FUNCTION public.ledger_total() RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
    SELECT sum(amount) FROM public.ledger;
END;

CREATE PROCEDURE public.add_entry(new_id integer, amt numeric) LANGUAGE sql
BEGIN ATOMIC
    INSERT INTO public.ledger (id, amount) VALUES (new_id, amt);
    UPDATE public.ledger SET amount = amount + 0 WHERE id = new_id;
END;

CREATE PROCEDURE public.ledger_size(OUT n bigint) LANGUAGE sql
BEGIN ATOMIC
    SELECT count(*) FROM public.ledger;
END;

-- A table whose default calls a function whose body reads another table, and a view over such a function.
CREATE FUNCTION public.next_snapshot_id() RETURNS integer LANGUAGE sql VOLATILE
    RETURN (SELECT COALESCE(max(id), 0) + 1 FROM public.ledger);
CREATE TABLE public.ledger_snapshot (
    id integer NOT NULL DEFAULT public.next_snapshot_id(),
    total numeric NOT NULL DEFAULT public.ledger_total()
);
INSERT INTO public.ledger_snapshot DEFAULT VALUES;
CREATE VIEW public.ledger_summary AS SELECT public.ledger_total() AS total, "Rout ""ines""".double_it(2) AS four;
COMMENT ON FUNCTION public.ledger_total() IS 'sum of the ledger';
GRANT EXECUTE ON FUNCTION public.ledger_total() TO routine_user;
