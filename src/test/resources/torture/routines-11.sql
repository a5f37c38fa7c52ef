-- What PostgreSQL 11 added: procedures, and FINALFUNC_MODIFY for aggregates. Applied after routines.sql.
-- Only INOUT arguments here: from 14 on, the server prints IN before a procedure's input arguments, so pg_dump
-- would word the same procedure differently on a 12 source and a 15 target. routines-14.sql has IN arguments.
CREATE PROCEDURE "Rout ""ines"""."Do It"(INOUT n integer, INOUT "label" text DEFAULT 'x')
    LANGUAGE plpgsql SECURITY DEFINER SET work_mem = '1MB'
    AS $$ BEGIN n := n + 1; END $$;
CREATE PROCEDURE "Rout ""ines"""."Do It"() LANGUAGE sql AS $$ SELECT 1 $$;
COMMENT ON PROCEDURE "Rout ""ines"""."Do It"(integer, text) IS 'overloaded procedure';
ALTER PROCEDURE "Rout ""ines"""."Do It"(integer, text) OWNER TO routine_owner;
REVOKE EXECUTE ON PROCEDURE "Rout ""ines"""."Do It"(integer, text) FROM PUBLIC;
GRANT EXECUTE ON PROCEDURE "Rout ""ines"""."Do It"(integer, text) TO routine_user;

CREATE AGGREGATE public.modifying_sum (integer) (
    SFUNC = "Rout ""ines""".add_int, STYPE = integer, INITCOND = '0',
    FINALFUNC = "Rout ""ines""".twice, FINALFUNC_MODIFY = READ_WRITE,
    MSFUNC = "Rout ""ines""".add_int, MINVFUNC = "Rout ""ines""".sub_int, MSTYPE = integer,
    MFINALFUNC = "Rout ""ines""".twice, MFINALFUNC_MODIFY = SHAREABLE);
CREATE AGGREGATE public.shareable_percentile (double precision ORDER BY anyelement) (
    SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA,
    FINALFUNC_MODIFY = SHAREABLE);
