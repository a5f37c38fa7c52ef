-- What PostgreSQL 12 added: planner support functions. Applied after routines-11.sql.
CREATE FUNCTION public.my_series(integer, integer) RETURNS SETOF integer
    LANGUAGE internal IMMUTABLE STRICT ROWS 10 SUPPORT generate_series_int4_support
    AS 'generate_series_int4';
